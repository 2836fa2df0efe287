import Engine
import Foundation
import Language

/// What tab completion can see: the session's names and the file system.
struct SessionCompletions: CompletionContext {
    let session: Session

    var datasetNames: [String] { session.datasetOrder }
    /// The session's models, then the registry's references: `credit@1`, …, `credit@production`, `credit@latest`.
    var modelNames: [String] {
        let versions = (try? session.store.modelVersions()) ?? []
        var references: [String] = []
        for version in versions {
            references.append(version.reference)
            if version.stage == .production || version.stage == .staging { references.append("\(version.name)@\(version.stage.rawValue)") }
        }
        for name in Set(versions.map(\.name)).sorted() { references.append("\(name)@latest") }
        return session.modelOrder + references
    }
    var parameterNames: [String] { Array(session.parameters.keys) }
    var lessonNames: [String] { LessonLibrary.names }

    func columns(ofDataset name: String) -> [String] {
        session.datasets[name]?.frame.columnNames ?? []
    }

    func columns(ofFile path: String) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        guard let text = String(data: head, encoding: .utf8), let header = text.split(whereSeparator: \.isNewline).first else { return [] }
        if header.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} \t")).hasPrefix("{") {  // JSON Lines: the first row's keys
            let row = try? JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
            return row.map { $0.keys.sorted() } ?? []
        }
        let separator: Character = path.hasSuffix(".tsv") || header.contains("\t") ? "\t" : (header.contains(";") && !header.contains(",") ? ";" : ",")
        return header.split(separator: separator).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF} \r"))
        }
    }

    func paths(completing partial: String) -> [String] {
        let directory: String
        let prefix: String
        if let slash = partial.lastIndex(of: "/") {
            directory = String(partial[...slash])
            prefix = String(partial[partial.index(after: slash)...])
        } else {
            directory = ""
            prefix = partial
        }
        let manager = FileManager.default
        let listed = (try? manager.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return listed.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            let full = directory + name
            _ = manager.fileExists(atPath: full, isDirectory: &isDirectory)
            return isDirectory.boolValue ? full + "/" : full
        }
    }
}
