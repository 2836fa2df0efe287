/// A table read from a file, with what is needed to version it.
public struct LoadedTable: Sendable {
    public var frame: DataFrame
    /// Lowercase hex SHA-256 of the file's bytes, exactly as read.
    public var sha256: String
    public var byteCount: Int

    public init(frame: DataFrame, sha256: String, byteCount: Int) {
        self.frame = frame
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}

/// Reads CSV and TSV files into a `DataFrame`.
///
/// The format is RFC 4180: a header row of unique column names, then one record per line
/// (`\n` or `\r\n`); a field in double quotes may hold separators, line ends and `""` for a
/// quote. Text is UTF-8, with or without a byte-order mark. Blank lines are skipped.
///
/// The separator is the one given, else a tab for a path ending in `.tsv` or `.tab`, else
/// the most frequent of comma, tab and semicolon in the header line (comma when none).
///
/// A field is missing when its content is one of `missingValueSpellings`:
/// `""`, `NA`, `N/A`, `?`, `NaN` and `null` (case as written, quoted or not).
///
/// Each column gets a kind from all its non-missing values:
/// - **numeric** when every one is a decimal number (`12`, `-0.5`, `1e-7`, `inf`);
///   a column of only 0 and 1 stays numeric. A column with no values at all is numeric.
/// - **boolean** when they are one or two spellings of a true/false pair, case ignored:
///   `true`/`false`, `yes`/`no`, `t`/`f`, `y`/`n`. Levels are `[falseWord, trueWord]`.
/// - **categorical** otherwise, with levels sorted by their UTF-8 bytes, so codes never
///   depend on row order.
///
/// ```swift
/// let table = try CSVReader.read(path: "iris.csv", target: "species")
/// table.frame.rowCount   // 150
/// table.sha256           // "b6b8efc8..."
/// ```
///
/// Large files are parsed on all cores while the digest is computed.
public enum CSVReader {
    /// Field contents that mean "no value".
    public static let missingValueSpellings = ["", "NA", "N/A", "?", "NaN", "null"]

    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - separator: the field separator byte; `nil` to choose as described above.
    ///   - target: the name of the target column, checked to exist; `nil` for none.
    /// - Throws: `LearningError` with the file, line and column where they apply, for a file
    ///   that cannot be read, is empty, has no data rows, repeats a column name, has a record
    ///   with the wrong number of fields, an unterminated quote, text after a closing quote or
    ///   invalid UTF-8, or when `target` names no column (with the nearest name suggested).
    public static func read(path: String, separator: UInt8? = nil, target: String? = nil) throws(LearningError) -> LoadedTable {
        try FileContents(path: path).withBytes { (buffer) throws(LearningError) -> LoadedTable in
            try read(buffer, path: path, separator: separator, target: target)
        }
    }

    /// Reads the bytes of the file at `path` (a tab separates fields of a `.tsv` or `.tab` file when none is given).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, separator: UInt8?, target: String?) throws(LearningError) -> LoadedTable {
        let lowered = path.lowercased()
        let tab = lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") ? UInt8(ascii: "\t") : nil
        return try CSVTableBuilder(bytes: bytes, name: path, separator: separator ?? tab).build(target: target)
    }

    /// Reads CSV text held in memory; `name` stands for the file in errors.
    public static func read(data: [UInt8], name: String, separator: UInt8? = nil, target: String? = nil) throws(LearningError) -> LoadedTable {
        try data.withUnsafeBufferPointer { (buffer) throws(LearningError) -> LoadedTable in
            try CSVTableBuilder(bytes: buffer, name: name, separator: separator).build(target: target)
        }
    }
}
