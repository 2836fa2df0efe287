/// The one error type of the `Learning` module: a message, and where in a file it applies.
///
/// Errors are made through static constructors kept beside the code that throws them
/// (`LearningError.wrongFieldCount(expected:found:file:line:)` in `LearningError+CSV.swift`,
/// for example), so new kinds can be added without breaking callers. `description` prints
/// the position in the usual compiler form with only the parts that exist:
///
/// ```swift
/// LearningError("expected 5 fields, found 4", file: "iris.csv", line: 7).description
/// // "iris.csv:7: expected 5 fields, found 4"
/// ```
public struct LearningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and what was expected, without the position.
    public let message: String
    /// The file the error is about, as the caller named it.
    public let file: String?
    /// 1-based line in `file`.
    public let line: Int?
    /// 1-based column (in characters) on `line`.
    public let column: Int?

    public init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL: MESSAGE`, leaving out the parts that are `nil`.
    public var description: String {
        var position: [String] = []
        if let file { position.append(file) }
        if let line {
            position.append(String(line))
            if let column { position.append(String(column)) }
        }
        return position.isEmpty ? message : position.joined(separator: ":") + ": " + message
    }
}
