import Foundation
import Learning
import Store

/// How to rebuild a dataset from the store's snapshots: a file read with given options, or a derivation of
/// another recipe. Recorded with every run so `reproduce` finds the exact rows even after the file changed.
public indirect enum DataRecipe: Codable, Sendable, Equatable {
    /// A file snapshotted by its SHA-256, read with this separator (nil: sniffed) and target, the target read as
    /// `task` says (nil: auto).
    case file(sha256: String, separator: UInt8?, target: String?, task: String? = nil)
    /// One part (0 or 1) of `split`.
    case split(of: DataRecipe, ratio: Double, seed: UInt64, stratify: Bool, part: Int)
    /// The rows of another recipe that meet a `filter` condition (all rows when nil), less the dropped columns.
    case filter(of: DataRecipe, condition: String?, dropped: [String])
    /// The rows of several recipes, one after another (`with_batch=true` of `retrain`).
    case concatenation([DataRecipe])

    /// Whether the rows are a file's as read (whose version is the file's hash, not the table's).
    public var isFile: Bool {
        if case .file = self { return true }
        return false
    }

    /// The recipe as stored: JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    public init(json: String) throws {
        self = try JSONDecoder().decode(DataRecipe.self, from: Data(json.utf8))
    }

    /// The data the recipe describes, read from the store's verified snapshots.
    /// - Throws: `StoreError` for a missing or corrupt snapshot, `LearningError` when the data cannot be read.
    public func rebuild(from store: Store) throws -> DataFrame {
        switch self {
        case .file(let sha256, let separator, let target, let task):
            let bytes = try store.object(sha256: sha256)
            return try TableReader.read(data: [UInt8](bytes), name: "snapshot \(sha256.prefix(12))", separator: separator,
                                        target: target, task: task.flatMap(TableReader.TargetTask.init) ?? .auto).frame
        case .split(let source, let ratio, let seed, let stratify, let part):
            let parts = try Splitter.split(try source.rebuild(from: store), ratio: ratio, seed: seed, stratify: stratify)
            return part == 0 ? parts.first : parts.second
        case .filter(let source, let condition, let dropped):
            var frame = try source.rebuild(from: store)
            if let condition { frame = frame.selecting(rows: try RowFilter.rows(of: frame, matching: RunFilter.parse(condition, at: nil))) }
            frame.columns.removeAll { dropped.contains($0.name) }
            return frame
        case .concatenation(let parts):
            return try RowFilter.concatenate(try parts.map { try $0.rebuild(from: store) })
        }
    }
}
