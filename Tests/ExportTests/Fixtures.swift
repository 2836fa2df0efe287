import Engine
import Export
import Foundation

/// The repository's root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// How often `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// The text between the first `start` at or after `from` and the next `end`.
func slice(_ text: String, from start: String, to end: String) -> String? {
    guard let lower = text.range(of: start), let upper = text.range(of: end, range: lower.upperBound..<text.endIndex) else { return nil }
    return String(text[lower.lowerBound..<upper.upperBound])
}

/// Cell `number` of a page, from its id to the end of its section.
func cellHTML(_ number: Int, in page: String) -> String {
    slice(page, from: "id=\"cell-\(number)\"", to: "</section>") ?? ""
}

/// The text cells (`<td>…</td>`) of a table's body, row by row.
func bodyRows(of html: String) -> [[String]] {
    guard let body = slice(html, from: "<tbody>", to: "</tbody>") else { return [] }
    return body.components(separatedBy: "<tr>").dropFirst().map { row in
        row.components(separatedBy: "<td").dropFirst().map { cell in
            let content = cell.drop { $0 != ">" }.dropFirst()
            return String(content.prefix { $0 != "<" })
        }
    }
}

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "mlw-export-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
