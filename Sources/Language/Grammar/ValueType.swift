import Foundation

/// The type an option or slot accepts, and the check that enforces it.
public indirect enum ValueType: Sendable, Equatable {
    /// A whole number within `range` (inclusive bounds, nil = unbounded).
    case integer(min: Int?, max: Int?)
    /// A real number; `open` bounds are exclusive.
    case real(min: Double?, max: Double?, openMin: Bool = false, openMax: Bool = false)
    case boolean
    /// Text in quotes (an unquoted word is also accepted).
    case text
    /// A name: an unquoted word (or a quoted string, for column names with spaces).
    case name
    case choice([String])
    case list(ValueType)
    /// Anything a user may write (parameters).
    case any

    /// A short description for messages and help: "a whole number ≥ 1".
    public var expectation: String {
        switch self {
        case .integer(let min, let max):
            switch (min, max) {
            case let (lo?, hi?): "a whole number from \(lo) to \(hi)"
            case let (lo?, nil): "a whole number ≥ \(lo)"
            case let (nil, hi?): "a whole number ≤ \(hi)"
            default: "a whole number"
            }
        case .real(let min, let max, let openMin, let openMax):
            switch (min, max) {
            case let (lo?, hi?): "a number \(openMin ? ">" : "≥") \(Self.format(lo)) and \(openMax ? "<" : "≤") \(Self.format(hi))"
            case let (lo?, nil): "a number \(openMin ? ">" : "≥") \(Self.format(lo))"
            case let (nil, hi?): "a number \(openMax ? "<" : "≤") \(Self.format(hi))"
            default: "a number"
            }
        case .boolean: "`true` or `false`"
        case .text: "a quoted string"
        case .name: "a name"
        case .choice(let options): "one of " + options.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let element): "a list of " + element.expectation.replacingOccurrences(of: "a ", with: "", options: .anchored)
        case .any: "a value"
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// Why `value` does not fit, or nil when it does. Parameters are checked once resolved.
    public func problem(with value: Value) -> String? {
        if case .parameter = value { return nil }
        switch self {
        case .any:
            return nil
        case .integer(let min, let max):
            guard let number = value.numberValue, number == number.rounded(), abs(number) < 1e15 else {
                return "expected \(expectation), got \(value.kindName) `\(value)`"
            }
            if let min, Int(number) < min { return "must be \(expectation), got \(value)" }
            if let max, Int(number) > max { return "must be \(expectation), got \(value)" }
            return nil
        case .real(let min, let max, let openMin, let openMax):
            guard let number = value.numberValue else {
                return "expected \(expectation), got \(value.kindName) `\(value)`"
            }
            if let min, openMin ? number <= min : number < min { return "must be \(expectation), got \(value)" }
            if let max, openMax ? number >= max : number > max { return "must be \(expectation), got \(value)" }
            return nil
        case .boolean:
            if case .bool = value { return nil }
            return "expected \(expectation), got \(value.kindName) `\(value)`"
        case .text, .name:
            if value.text != nil { return nil }
            return "expected \(expectation), got \(value.kindName) `\(value)`"
        case .choice(let options):
            guard let text = value.text else { return "expected \(expectation), got \(value.kindName) `\(value)`" }
            if options.contains(text) { return nil }
            let hint = Suggestion.nearest(to: text, in: options).map { "; did you mean `\($0)`?" } ?? ""
            return "`\(text)` is not \(expectation)\(hint)"
        case .list(let element):
            let items: [Value]
            if case .list(let list) = value { items = list } else { items = [value] }
            if items.isEmpty { return "expected \(expectation), got an empty list" }
            for item in items {
                if let problem = element.problem(with: item) { return problem }
            }
            return nil
        }
    }
}

/// One `key=value` option a command accepts.
public struct OptionSpec: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    /// The default as written in help (`0.8`, `true`), or nil when the option has none.
    public var defaultText: String?
    public var help: String

    public init(_ name: String, _ type: ValueType, default defaultText: String? = nil, help: String) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.help = help
    }
}
