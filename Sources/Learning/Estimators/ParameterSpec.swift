/// The description of one hyperparameter: what drives validation in `train`, and help and
/// completion in the language layer.
public struct ParameterSpec: Sendable, Equatable {
    /// The type of value a parameter takes.
    public enum Kind: Sendable, Equatable {
        case int, double, bool
        /// One of a fixed list of words.
        case choice([String])
    }

    public let name: String
    public let kind: Kind
    /// The default; for a categorical target only when `regressionDefault` is set.
    public let defaultValue: ParameterValue
    /// The default for a numeric target when it differs (`boost`'s `min_child_weight` and
    /// `patience`); `nil` when `defaultValue` serves both kinds of target.
    public let regressionDefault: ParameterValue?
    /// Valid values for numbers, `nil` when unbounded. A lower bound of
    /// `Double.leastNonzeroMagnitude` means "> 0" (an exclusive zero).
    public let validRange: ClosedRange<Double>?
    /// One line for `help`.
    public let help: String

    public init(name: String, kind: Kind, defaultValue: ParameterValue, regressionDefault: ParameterValue? = nil,
                validRange: ClosedRange<Double>? = nil, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.regressionDefault = regressionDefault
        self.validRange = validRange
        self.help = help
    }

    /// The default for a numeric (`regression`) or a categorical target.
    public func defaultValue(regression: Bool) -> ParameterValue {
        regression ? regressionDefault ?? defaultValue : defaultValue
    }

    /// The default in words: `0.3`, or `1 for classes, 20 for numbers` when it depends on the target.
    public var defaultDescription: String {
        guard let regressionDefault else { return defaultValue.description }
        return "\(defaultValue) for classes, \(regressionDefault) for numbers"
    }

    /// The valid range as people write it: `> 0`, `≥ 1`, `≥ 0 and ≤ 1`; `nil` when unbounded.
    public var rangeDescription: String? {
        guard let range = validRange else { return nil }
        var parts: [String] = []
        if range.lowerBound == .leastNonzeroMagnitude {
            parts.append("> 0")
        } else if range.lowerBound > -.infinity {
            parts.append("≥ \(formatNumber(range.lowerBound))")
        }
        if range.upperBound < .infinity {
            parts.append("≤ \(formatNumber(range.upperBound))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// The type and range in words, as used in error messages: `an integer ≥ 1`, `a number > 0`.
    public var expectation: String {
        let range = rangeDescription.map { " " + $0 } ?? ""
        switch kind {
        case .int: return "an integer" + range
        case .double: return "a number" + range
        case .bool: return "true or false"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        }
    }

    /// `value` checked against this spec and converted to the canonical case
    /// (an int given for a double parameter becomes `.double`; -0 becomes 0).
    ///
    /// - Throws: `LearningError` naming the option and what it accepts.
    public func validate(_ value: ParameterValue) throws(LearningError) -> ParameterValue {
        switch kind {
        case .int:
            guard let number = value.intValue else { throw .badParameter(self, value) }
            try checkRange(Double(number), value)
            return .int(number)
        case .double:
            guard let number = value.numberValue else { throw .badParameter(self, value) }
            try checkRange(number, value)
            // -0 reads `0` as text (`description`) but encodes as `-0`: keep +0, so that a model trained
            // again from its recorded text is the same to the byte.
            return .double(number == 0 ? 0 : number)
        case .bool:
            guard case .bool = value else { throw .badParameter(self, value) }
            return value
        case .choice(let words):
            guard case .string(let word) = value, words.contains(word) else { throw .badParameter(self, value) }
            return value
        }
    }

    private func checkRange(_ number: Double, _ value: ParameterValue) throws(LearningError) {
        guard let range = validRange, let text = rangeDescription else { return }
        guard range.contains(number) else {
            throw LearningError("`\(name)` must be \(text), got \(value)")
        }
    }
}
