/// A `key=value` option as written.
public struct Option: Sendable, Equatable {
    public var key: String
    public var keyRange: SourceRange
    public var value: Value
    public var valueRange: SourceRange

    public init(key: String, keyRange: SourceRange, value: Value, valueRange: SourceRange) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
        self.valueRange = valueRange
    }
}

/// One parsed command: which command it is, its positional slots by placeholder name, and its options.
public struct Command: Sendable, Equatable {
    /// The command word as in the table (`load`, `train`, ...).
    public var name: String
    public var slots: [String: Located<Value>]
    public var options: [Option]
    /// The whole command's source, continuation lines joined.
    public var source: String
    public var range: SourceRange

    public init(name: String, slots: [String: Located<Value>] = [:], options: [Option] = [], source: String, range: SourceRange) {
        self.name = name
        self.slots = slots
        self.options = options
        self.source = source
        self.range = range
    }

    public func slot(_ name: String) -> Located<Value>? { slots[name] }

    public func option(_ key: String) -> Option? { options.first { $0.key == key } }
}
