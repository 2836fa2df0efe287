extension Algorithm {
    /// Typed parameter values from their text (`ParameterValue.description`), as a run records them.
    ///
    /// ```swift
    /// let values = try Algorithm.forest.parameterValues(fromText: ["trees": "100", "features": "sqrt"])
    /// ```
    /// - Throws: `LearningError` for a name the algorithm does not have, or text that is not a valid value.
    public func parameterValues(fromText text: [String: String]) throws(LearningError) -> [String: ParameterValue] {
        var values: [String: ParameterValue] = [:]
        for (name, written) in text {
            guard let spec = parameters.first(where: { $0.name == name }) else {
                throw LearningError("\(rawValue) has no parameter `\(name)`")
            }
            let raw: ParameterValue? = switch spec.kind {
            case .int: Int(written).map(ParameterValue.int) ?? Double(written).map(ParameterValue.double)
            case .double: Double(written).map(ParameterValue.double)
            case .bool: written == "true" ? .bool(true) : written == "false" ? .bool(false) : nil
            case .choice: .string(written)
            }
            guard let raw else {
                throw LearningError("parameter `\(name)` of \(rawValue) must be \(spec.expectation), got `\(written)`")
            }
            values[name] = try spec.validate(raw)
        }
        return values
    }
}
