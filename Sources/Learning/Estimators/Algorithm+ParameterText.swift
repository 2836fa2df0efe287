extension Algorithm {
    /// Typed parameter values from their text, as a run records them (`ParameterValue.description`
    /// of `TrainedModel.parameters`), so that `reproduce` can train again with exactly the same values.
    ///
    /// Each text is read by its parameter's `ParameterSpec.kind` (an integer, a number, `true`/`false`,
    /// or one of the choice's words) and then checked with `ParameterSpec.validate`, as `train` checks
    /// typed values. Names not in `text` are left out; `train` fills in their defaults.
    ///
    /// ```swift
    /// let values = try Algorithm.forest.parameterValues(fromText: ["trees": "100", "features": "sqrt"])
    /// // ["trees": .int(100), "features": .string("sqrt")]
    /// ```
    /// - Throws: `LearningError` for a name the algorithm does not have (listing the valid ones), or text
    ///   that is not a valid value (naming the parameter and what it accepts).
    public func parameterValues(fromText text: [String: String]) throws(LearningError) -> [String: ParameterValue] {
        let specs = parameters
        var values: [String: ParameterValue] = [:]
        for (name, written) in text.sorted(by: { $0.key < $1.key }) {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw .unknownParameter(name, algorithm: self)
            }
            guard let typed = spec.kind.value(fromText: written) else {
                throw .badParameter(spec, .string(written))
            }
            values[name] = try spec.validate(typed)
        }
        return values
    }
}

extension ParameterSpec.Kind {
    /// `text` as a value of this kind, before range checks; nil when it is not one.
    /// The inverse of `ParameterValue.description` for every value `validate` accepts.
    func value(fromText text: String) -> ParameterValue? {
        switch self {
        case .int:
            if let number = Int(text) { return .int(number) }
            // `validate` accepts an integral number for an integer ("2.0", "1e3") and refuses the rest.
            return Self.finiteNumber(text).map(ParameterValue.double)
        case .double:
            return Self.finiteNumber(text).map(ParameterValue.double)
        case .bool:
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .choice:
            return .string(text)
        }
    }

    /// A finite decimal number (`Double`'s own parse, which reads back `description` exactly);
    /// nil for `nan`, `inf` and anything else.
    private static func finiteNumber(_ text: String) -> Double? {
        guard let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
