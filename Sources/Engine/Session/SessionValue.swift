import Foundation
import Language

/// A value readable by `print` and `assert`: a metric, a count, text or a flag.
public enum SessionValue: Sendable, Equatable, CustomStringConvertible {
    case metric(Double)
    /// A statistic or p-value: shown with four significant digits (`1.33e-30`), not four decimals.
    case figure(Double)
    case count(Int)
    case text(String)
    case flag(Bool)

    /// As `print` shows it: metrics with four decimals.
    public var description: String {
        switch self {
        case .metric(let value): Formatting.metric(value)
        case .figure(let value): Formatting.statistic(value)
        case .count(let value): String(value)
        case .text(let value): value
        case .flag(let value): value ? "true" : "false"
        }
    }

    public var number: Double? {
        switch self {
        case .metric(let value), .figure(let value): value
        case .count(let value): Double(value)
        default: nil
        }
    }

    /// The session value a literal in a command stands for.
    public init(_ value: Value) {
        switch value {
        case .number(let number, _): self = number == number.rounded() && abs(number) < 1e15 ? .count(Int(number)) : .metric(number)
        case .bool(let flag): self = .flag(flag)
        case .word(let text), .string(let text): self = .text(text)
        case .list(let items): self = .text(items.map(\.description).joined(separator: ", "))
        case .parameter(let name): self = .text("$" + name)
        }
    }

    /// The literal form, for substituting a parameter back into a command.
    public var literal: Value {
        switch self {
        case .metric(let value), .figure(let value): .number(value, text: "\(value)")
        case .count(let value): .number(Double(value), text: String(value))
        case .text(let value): .string(value)
        case .flag(let value): .bool(value)
        }
    }
}

extension SessionValue {
    /// Whether `self OP other` holds: numbers compare as numbers, anything else only by `==` and `!=` on its text;
    /// nil when `OP` orders and a side is not a number.
    func satisfies(_ op: ComparisonOperator, _ other: SessionValue) -> Bool? {
        if let a = number, let b = other.number { return op.holds(a, b) }
        guard op == .equal || op == .notEqual else { return nil }
        return (description == other.description) == (op == .equal)
    }
}
