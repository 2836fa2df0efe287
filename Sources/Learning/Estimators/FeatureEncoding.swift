/// How one feature column becomes numbers, as learnt from the training data.
public enum FeatureEncoding: Sendable, Codable, Equatable {
    /// Missing values become `median`; then `(x - mean) / scale`. Without standardisation
    /// `mean` is 0 and `scale` 1.
    case numeric(name: String, median: Double, mean: Double, scale: Double)
    /// One output column per level seen in training (sorted); a missing value counts as
    /// `fill` (the most frequent level), an unseen level gives all zeros.
    case categorical(name: String, levels: [String], fill: String?)

    public var name: String {
        switch self {
        case .numeric(let name, _, _, _), .categorical(let name, _, _): name
        }
    }

    /// The number of design-matrix columns this feature produces.
    public var width: Int {
        switch self {
        case .numeric: 1
        case .categorical(_, let levels, _): levels.count
        }
    }

    /// Names of the design-matrix columns: `age`, or `sex=female`, `sex=male`.
    public var outputNames: [String] {
        switch self {
        case .numeric(let name, _, _, _): [name]
        case .categorical(let name, let levels, _): levels.map { "\(name)=\($0)" }
        }
    }

    /// Learns the encoding of `column`.
    static func fit(_ column: Column, standardize: Bool) -> FeatureEncoding {
        switch column.storage {
        case .numeric(let values):
            return fitNumeric(column.name, values, standardize: standardize)
        case .categorical(let codes, let levels):
            return fitCategorical(column.name, codes, levels)
        }
    }

    private static func fitNumeric(_ name: String, _ values: [Double], standardize: Bool) -> FeatureEncoding {
        let median = medianIgnoringMissing(values) ?? 0
        guard standardize, !values.isEmpty else {
            return .numeric(name: name, median: median, mean: 0, scale: 1)
        }
        // Mean and population standard deviation of the imputed column, as StandardScaler
        // sees it after SimpleImputer.
        let n = Double(values.count)
        let mean = values.reduce(0) { $0 + ($1.isNaN ? median : $1) } / n
        let variance = values.reduce(0) { sum, value in
            let d = (value.isNaN ? median : value) - mean
            return sum + d * d
        } / n
        let std = variance.squareRoot()
        let constant = !(std > 10 * Double.ulpOfOne * max(abs(mean), 1))
        return .numeric(name: name, median: median, mean: mean, scale: constant ? 1 : std)
    }

    private static func fitCategorical(_ name: String, _ codes: [Int32], _ levels: [String]) -> FeatureEncoding {
        var counts = [Int](repeating: 0, count: levels.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        // Levels present in the training rows; equal spellings from duplicated levels merge.
        var countByLevel: [String: Int] = [:]
        for (index, level) in levels.enumerated() where counts[index] > 0 {
            countByLevel[level, default: 0] += counts[index]
        }
        let seen = countByLevel.keys.sorted()
        // Most frequent, ties to the smallest text (scikit-learn's SimpleImputer).
        var fill: String?
        var fillCount = 0
        for level in seen where countByLevel[level]! > fillCount {
            fill = level
            fillCount = countByLevel[level]!
        }
        return .categorical(name: name, levels: seen, fill: fill)
    }
}
