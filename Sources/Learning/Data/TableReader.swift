/// Reads a data file, CSV/TSV (`CSVReader`) or JSON Lines (`JSONLinesReader`): JSON Lines for a path ending in
/// `.jsonl` or `.ndjson`, or text whose first character is `{`, when no separator is given. A target of two whole
/// numbers (`0`/`1`) is read as two classes (`DataFrame.withBinaryTargetAsClasses`), unless `task` says otherwise.
public enum TableReader {
    /// How the target is read: as its values suggest, or as classes or numbers whatever they look like.
    public enum TargetTask: String, Sendable, CaseIterable {
        case auto, classification, regression
    }

    public static func read(path: String, separator: UInt8? = nil, target: String? = nil,
                            task: TargetTask = .auto) throws(LearningError) -> LoadedTable {
        var table = try readAsWritten(path: path, separator: separator, target: target)
        table.frame = try reading(table.frame, task, file: path)
        return table
    }

    /// Reads a file's bytes held in memory; `name` stands for the file in errors.
    public static func read(data: [UInt8], name: String, separator: UInt8? = nil, target: String? = nil,
                            task: TargetTask = .auto) throws(LearningError) -> LoadedTable {
        var table = try readAsWritten(data: data, name: name, separator: separator, target: target)
        table.frame = try reading(table.frame, task, file: name)
        return table
    }

    /// `frame` with its target read for `task`.
    private static func reading(_ frame: DataFrame, _ task: TargetTask, file: String) throws(LearningError) -> DataFrame {
        guard let target = frame.targetColumn, let index = frame.columns.firstIndex(where: { $0.name == target.name }) else {
            return frame
        }
        var frame = frame
        switch task {
        case .auto: return frame.withBinaryTargetAsClasses
        case .classification: frame.columns[index] = target.asClasses
        case .regression:
            guard target.kind == .numeric else {
                throw LearningError("task=regression needs a numeric target; `\(target.name)` is \(target.kind.rawValue)", file: file)
            }
        }
        return frame
    }

    private static func readAsWritten(path: String, separator: UInt8?, target: String?) throws(LearningError) -> LoadedTable {
        try FileContents(path: path).withBytes { (bytes) throws(LearningError) -> LoadedTable in
            try refuseJSONArray(bytes, name: path)
            if separator == nil, JSONLinesReader.isJSONLines(path: path, bytes) {
                return try JSONLinesReader.read(bytes, name: path, target: target)
            }
            return try CSVReader.read(bytes, path: path, separator: separator, target: target)
        }
    }

    private static func readAsWritten(data: [UInt8], name: String, separator: UInt8?, target: String?) throws(LearningError) -> LoadedTable {
        try data.withUnsafeBufferPointer { (bytes) throws(LearningError) -> LoadedTable in
            try refuseJSONArray(bytes, name: name)
            if separator == nil, JSONLinesReader.isJSONLines(path: name, bytes) {
                return try JSONLinesReader.read(bytes, name: name, target: target)
            }
            return try CSVReader.read(data: data, name: name, separator: separator, target: target)
        }
    }

    /// A `.json` file holding one JSON array (`[{...}, ...]`) is not a table mlw reads; say so
    /// rather than read its first line as a CSV header.
    private static func refuseJSONArray(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(LearningError) {
        guard name.lowercased().hasSuffix(".json"),
              bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "[")
        else { return }
        throw LearningError("the file holds a JSON array; expected CSV, TSV or JSON Lines (one flat JSON object "
                            + "per line, in a .jsonl file)", file: name)
    }
}
