/// Reads a data file, CSV/TSV (`CSVReader`) or JSON Lines (`JSONLinesReader`): JSON Lines for a path ending in
/// `.jsonl` or `.ndjson`, or text whose first character is `{`, when no separator is given. A target of two whole
/// numbers (`0`/`1`) is read as two classes (`DataFrame.withBinaryTargetAsClasses`).
public enum TableReader {
    public static func read(path: String, separator: UInt8? = nil, target: String? = nil) throws(LearningError) -> LoadedTable {
        var table = try readAsWritten(path: path, separator: separator, target: target)
        table.frame = table.frame.withBinaryTargetAsClasses
        return table
    }

    /// Reads a file's bytes held in memory; `name` stands for the file in errors.
    public static func read(data: [UInt8], name: String, separator: UInt8? = nil, target: String? = nil) throws(LearningError) -> LoadedTable {
        var table = try readAsWritten(data: data, name: name, separator: separator, target: target)
        table.frame = table.frame.withBinaryTargetAsClasses
        return table
    }

    private static func readAsWritten(path: String, separator: UInt8?, target: String?) throws(LearningError) -> LoadedTable {
        let contents = try FileContents(path: path)
        let jsonLines = contents.withBytes { separator == nil && JSONLinesReader.isJSONLines(path: path, $0) }
        guard jsonLines else { return try CSVReader.read(path: path, separator: separator, target: target) }
        return try contents.withBytes { (bytes) throws(LearningError) -> LoadedTable in
            try JSONLinesReader.read(bytes, name: path, target: target)
        }
    }

    private static func readAsWritten(data: [UInt8], name: String, separator: UInt8?, target: String?) throws(LearningError) -> LoadedTable {
        try data.withUnsafeBufferPointer { (bytes) throws(LearningError) -> LoadedTable in
            if separator == nil, JSONLinesReader.isJSONLines(path: name, bytes) {
                return try JSONLinesReader.read(bytes, name: name, target: target)
            }
            return try CSVReader.read(data: data, name: name, separator: separator, target: target)
        }
    }
}
