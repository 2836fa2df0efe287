import Language
import Learning

/// The command table with the learning layer's algorithms and their parameters filled in.
public enum Vocabulary {
    public static let table = CommandTable.standard(algorithms: Algorithm.allCases.map(signature(of:)))

    static func signature(of algorithm: Algorithm) -> AlgorithmSignature {
        AlgorithmSignature(name: algorithm.rawValue, summary: algorithm.summary,
                           parameters: algorithm.parameters.map(option(for:)))
    }

    static func option(for parameter: ParameterSpec) -> OptionSpec {
        var low = parameter.validRange.flatMap { $0.lowerBound.isFinite ? $0.lowerBound : nil }
        let high = parameter.validRange.flatMap { $0.upperBound.isFinite ? $0.upperBound : nil }
        let openLow = low == Double.leastNonzeroMagnitude
        if openLow { low = 0 }
        let type: ValueType = switch parameter.kind {
        case .int: .integer(min: low.map { Int($0) }, max: high.map { Int($0) })
        case .double: .real(min: low, max: high, openMin: openLow)
        case .bool: .boolean
        case .choice(let choices): .choice(choices)
        }
        // A default that depends on the target is told in the help: `min_child_weight=` alone, not `=1`.
        guard parameter.regressionDefault != nil else {
            return OptionSpec(parameter.name, type, default: parameter.defaultValue.description, help: parameter.help)
        }
        return OptionSpec(parameter.name, type, help: parameter.help + " (default \(parameter.defaultDescription))")
    }
}
