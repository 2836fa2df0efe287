/// What `TrainedModel.predict` returns: one prediction per input row, in columnar form.
public enum Predictions: Sendable, Equatable {
    case classes(ClassPredictions)
    case values([Double])

    /// The number of rows predicted.
    public var count: Int {
        switch self {
        case .classes(let predictions): predictions.count
        case .values(let values): values.count
        }
    }

    /// The predicted labels as text, or the values formatted as numbers.
    public var labels: [String] {
        switch self {
        case .classes(let predictions): predictions.labels
        case .values(let values): values.map(formatNumber)
        }
    }

    /// The predictions as a column ready to append to a data frame: categorical (levels
    /// = the model's classes) or numeric.
    public func column(named name: String, kind: ColumnKind = .categorical) -> Column {
        switch self {
        case .classes(let predictions):
            .categorical(name, codes: predictions.codes, levels: predictions.classes, kind: kind)
        case .values(let values):
            .numeric(name, values)
        }
    }
}

/// Predicted classes with their probabilities.
///
/// `probabilities` is row-major: row `i` holds `classes.count` probabilities summing to 1,
/// in the order of `classes`. `codes[i]` indexes `classes` (the most probable class, ties
/// going to the first).
public struct ClassPredictions: Sendable, Equatable {
    public let classes: [String]
    public let codes: [Int32]
    public let probabilities: [Double]

    /// Builds predictions from row-major probabilities, choosing the most probable class.
    public init(classes: [String], probabilities: [Double]) {
        precondition(classes.isEmpty || probabilities.count % classes.count == 0)
        let width = classes.count
        let rows = width == 0 ? 0 : probabilities.count / width
        var codes = [Int32](repeating: 0, count: rows)
        probabilities.withUnsafeBufferPointer { p in
            for row in 0..<rows {
                var best = 0
                var bestValue = p[row * width]
                for c in 1..<max(width, 1) where p[row * width + c] > bestValue {
                    best = c
                    bestValue = p[row * width + c]
                }
                codes[row] = Int32(best)
            }
        }
        self.classes = classes
        self.codes = codes
        self.probabilities = probabilities
    }

    public var count: Int { codes.count }

    /// The predicted label of every row.
    public var labels: [String] { codes.map { classes[Int($0)] } }

    /// The probability of class `classIndex` for row `row`.
    public func probability(row: Int, classIndex: Int) -> Double {
        probabilities[row * classes.count + classIndex]
    }

    /// The probability of one class for every row: a column for the class named `label`,
    /// `nil` when the model does not know the class.
    public func probabilities(of label: String) -> [Double]? {
        guard let index = classes.firstIndex(of: label) else { return nil }
        return (0..<count).map { probability(row: $0, classIndex: index) }
    }
}
