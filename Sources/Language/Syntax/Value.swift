import Foundation

/// A value written in a command: an option's value or a positional word.
public indirect enum Value: Sendable, Equatable, CustomStringConvertible {
    case word(String)
    case string(String)
    /// `0.1` for both `0.1` and `10%`; `text` is what was written.
    case number(Double, text: String)
    case bool(Bool)
    case list([Value])
    /// `$NAME`, resolved when the command runs.
    case parameter(String)

    public var description: String {
        switch self {
        case .word(let text): text
        case .string(let text): "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .number(_, let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .parameter(let name): "$" + name
        }
    }

    /// What kind of value this is, for messages ("expected a number, got a word").
    public var kindName: String {
        switch self {
        case .word: "a word"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .list: "a list"
        case .parameter: "a parameter"
        }
    }

    public var numberValue: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The text of a word or string.
    public var text: String? {
        switch self {
        case .word(let text), .string(let text): text
        default: nil
        }
    }
}
