import Foundation
import Testing
@testable import Learning

/// JSON Lines text given inline; errors name the file `t.jsonl`.
private func read(_ text: String, target: String? = nil) throws(LearningError) -> DataFrame {
    try TableReader.read(data: Array(text.utf8), name: "t.jsonl", target: target).frame
}

@Suite("JSON Lines files")
struct JSONLinesReaderTests {
    @Test func irisAsJSONLinesGivesTheFrameItsCSVGives() throws {
        let csv = try DataFixtures.iris()
        let lines = (0..<csv.rowCount).map { row in
            let fields = csv.columns.map { column -> String in
                switch column.storage {
                case .numeric(let values): "\"\(column.name)\": \(values[row])"
                case .categorical(let codes, let levels): "\"\(column.name)\": \"\(levels[Int(codes[row])])\""
                }
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlw-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("iris.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try TableReader.read(path: path, target: "species")
        #expect(loaded.frame == csv)
        #expect(loaded.byteCount == (try Data(contentsOf: URL(fileURLWithPath: path))).count)
    }

    @Test func columnsAreTypedAsInCSVInTheOrderTheirKeysFirstAppear() throws {
        let frame = try read("""
            {"n": 1.5, "s": "red", "b": true, "yn": "yes", "mixed": 3}
            {"n": null, "s": "blue", "b": false, "extra": "x", "yn": "no", "mixed": "three"}

            {"n": -2e3, "s": "NA", "b": null, "yn": "yes", "mixed": 4.0}
            """, target: "s")
        #expect(frame.columns.map(\.name) == ["n", "s", "b", "yn", "mixed", "extra"])
        #expect(frame.rowCount == 3)
        #expect(DataFixtures.numbers(frame.column(named: "n"))[0] == 1.5)
        #expect(DataFixtures.numbers(frame.column(named: "n"))[1].isNaN)
        #expect(DataFixtures.numbers(frame.column(named: "n"))[2] == -2000)
        #expect(frame.column(named: "s")?.kind == .categorical && frame.column(named: "s")?.missingCount == 1)
        #expect(frame.column(named: "b")?.kind == .boolean && frame.column(named: "b")?.missingCount == 1)
        #expect(frame.column(named: "yn")?.kind == .boolean)
        guard case .categorical(_, let levels)? = frame.column(named: "mixed")?.storage else {
            Issue.record("mixed numbers and text should be a categorical column")
            return
        }
        #expect(levels == ["3", "4.0", "three"])
        #expect(frame.column(named: "extra")?.missingCount == 2)
    }

    @Test func escapesAndUnicodeAreRead() throws {
        let frame = try read(#"{"t": "a\"b\\c\u00e9\ud83d\ude00\n", "\u0078": 1}"# + "\n")
        guard case .categorical(_, let levels)? = frame.column(named: "t")?.storage else {
            Issue.record("t should be text")
            return
        }
        #expect(levels == ["a\"b\\cé😀\n"])
        #expect(frame.column(named: "x") != nil)
    }

    static let errors: [(String, String, String)] = [
        ("not an object", "[1, 2]\n", "t.jsonl:1:1: expected a JSON object `{...}` on each line"),
        ("trailing comma", "{\"a\": 1}\n{\"a\": 2,}\n", "t.jsonl:2:9: expected a quoted field name"),
        ("missing colon", "{\"a\" 1}\n", "t.jsonl:1:6: expected `:` after the field name `a`"),
        ("bad literal", "{\"a\": tru}\n", "t.jsonl:1:7: expected a value"),
        ("unterminated string", "{\"a\": \"x}\n", "t.jsonl:1:7: unterminated string: no closing `\"` on this line"),
        ("text after the object", "{\"a\": 1} x\n", "t.jsonl:1:10: expected the end of the line after the object"),
        ("nested object", "{\"a\": 1, \"b\": {\"c\": 2}}\n", "t.jsonl:1:15: `b` holds an object; a row's values must be numbers, strings, true, false or null"),
        ("nested array", "{\"a\": [1]}\n", "t.jsonl:1:7: `a` holds an array; a row's values must be numbers, strings, true, false or null"),
        ("duplicate key", "{\"a\": 1, \"a\": 2}\n", "t.jsonl:1:10: the field `a` appears twice in the row"),
        ("bad number", "{\"a\": 1.}\n", "t.jsonl:1:9: expected digits after the decimal point"),
        ("number too large", "{\"a\": 1}\n{\"a\": 2e400}\n", "t.jsonl:2:7: `2e400` is not a finite number (too large for a double); expected a finite number, or null"),
        ("bad escape", "{\"a\": \"\\q\"}\n", "t.jsonl:1:8: unknown escape `\\q` in a string"),
        ("lone surrogate", "{\"a\": \"\\ud800x\"}\n", "t.jsonl:1:14: a lone surrogate in a \\u escape"),
        ("blank lines only", "{\n", "t.jsonl:1:2: expected a quoted field name"),
        ("unknown target", "{\"a\": 1, \"label\": \"x\"}\n", "t.jsonl: no column named `labl` (did you mean `label`?); expected one of: a, label"),
    ]

    @Test(arguments: errors)
    func malformedLinesAreErrorsWithLineAndColumn(_ name: String, _ text: String, _ expected: String) {
        do {
            _ = try read(text, target: name == "unknown target" ? "labl" : nil)
            Issue.record("\(name): read without an error")
        } catch {
            #expect(error.description == expected, "\(name)")
        }
    }

    @Test func aJSONLinesPathWithNoRowsIsAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlw-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("empty.jsonl").path
        try "\n  \n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LearningError("the file has no rows; expected one JSON object per line", file: path)) {
            try TableReader.read(path: path)
        }
    }
}
