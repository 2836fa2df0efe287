/// A span of source text: 1-based line and column of its start, and its length in characters on that line.
public struct SourceRange: Sendable, Equatable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public var length: Int

    public init(line: Int, column: Int, length: Int = 1) {
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// The range from the start of `self` to the end of `other` when both are on one line.
    public func through(_ other: SourceRange) -> SourceRange {
        guard other.line == line else { return self }
        return SourceRange(line: line, column: column, length: other.column + other.length - column)
    }
}

/// A value together with where it was written.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}
