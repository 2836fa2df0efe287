import Foundation

/// Gradient-boosted trees fitted by XGBoost (`tree_method=hist`) through its C API.
///
/// The learnt state is the booster in XGBoost's own JSON model format, kept verbatim
/// inside mlw's artifact; predictions always come from a booster loaded from that JSON
/// (and cached per model), so a decoded model predicts bit for bit like the original.
/// The booster's input columns are the preprocessor's `outputNames` (numeric columns
/// median-imputed, categorical ones one-hot), in that order.
struct BoostModel: Sendable, Codable, Equatable {
    /// The booster as XGBoost JSON (what `xgboost.Booster().load_model("m.json")` reads).
    let booster: String
    /// `binary:logistic`, `multi:softprob` or `reg:squarederror`.
    let objective: String
    let rounds: Int
    /// Threads XGBoost uses to predict.
    let threads: Int
    private let cache = BoosterCache()

    private enum CodingKeys: String, CodingKey { case booster, objective, rounds, threads }

    /// `boost`'s hyperparameters (XGBoost's defaults; the seed is `train`'s).
    static let parameterSpecs = [
        ParameterSpec(name: "rounds", kind: .int, defaultValue: .int(100), validRange: 1...Double.infinity,
                      help: "boosting rounds (trees per class)"),
        ParameterSpec(name: "rate", kind: .double, defaultValue: .double(0.3),
                      validRange: Double.leastNonzeroMagnitude...1,
                      help: "learning rate (XGBoost's eta): how much of each tree is added"),
        ParameterSpec(name: "depth", kind: .int, defaultValue: .int(6), validRange: 1...Double.infinity,
                      help: "maximum depth of each tree"),
        ParameterSpec(name: "threads", kind: .int, defaultValue: .int(2), validRange: 1...1024,
                      help: "threads XGBoost uses (the same threads and seed give the same model)"),
    ]

    static func == (lhs: BoostModel, rhs: BoostModel) -> Bool {
        lhs.booster == rhs.booster && lhs.objective == rhs.objective
            && lhs.rounds == rhs.rounds && lhs.threads == rhs.threads
    }

    init(booster: String, objective: String, rounds: Int, threads: Int) {
        self.booster = booster
        self.objective = objective
        self.rounds = rounds
        self.threads = threads
    }

    /// Fits `rounds` boosting rounds to `x` (columns named `featureNames`) and `data`'s target.
    ///
    /// - Throws: `LearningError` carrying XGBoost's message when a C call fails.
    static func fit(_ x: DesignMatrix, data: TrainingData, featureNames: [String],
                    parameters: [String: ParameterValue], seed: UInt64,
                    progress: TrainingProgress? = nil) throws(LearningError) -> BoostModel {
        let rounds = parameters.integer("rounds")
        let threads = parameters.integer("threads")
        let matrix = try XGBMatrix(x, threads: threads)
        var settings: [(String, String)] = [
            ("tree_method", "hist"),
            ("eta", String(parameters.number("rate"))),
            ("max_depth", String(parameters.integer("depth"))),
            ("nthread", String(threads)),
            ("seed", String(Int64(truncatingIfNeeded: seed) & Int64.max)),
            ("verbosity", "0"),
        ]
        let objective: String
        switch data.task {
        case .regression:
            objective = "reg:squarederror"
            try matrix.setLabels(data.values.map { Float($0) })
            let mean = data.values.reduce(0, +) / Double(max(data.values.count, 1))
            settings.append(("base_score", String(mean)))
        case .classification(let classes):
            try matrix.setLabels(data.classCodes.map { Float($0) })
            if classes.count == 2 {
                objective = "binary:logistic"
                let positive = Double(data.classCodes.reduce(0) { $0 + Int($1) }) / Double(data.classCodes.count)
                settings.append(("base_score", String(min(max(positive, 1e-6), 1 - 1e-6))))
            } else {
                objective = "multi:softprob"
                settings.append(("num_class", String(classes.count)))
            }
        }
        settings.append(("objective", objective))
        let booster = try Booster(matrices: [matrix])
        if Self.validFeatureNames(featureNames, width: x.columnCount) {
            try booster.setFeatureNames(featureNames)
        }
        for (name, value) in settings { try booster.set(name, value) }
        let counter = ProgressCounter(total: rounds, report: progress)
        for round in 0..<rounds {
            try booster.updateOneIteration(round, matrix)
            counter.step()
        }
        return BoostModel(booster: try booster.savedJSON(), objective: objective, rounds: rounds, threads: threads)
    }

    /// Predictions for every row of `x`, from the booster loaded from `booster`.
    ///
    /// - Throws: `LearningError` carrying XGBoost's message when a C call fails.
    func predict(_ x: DesignMatrix, task: LearningTask) throws(LearningError) -> Predictions {
        let raw: [Float]
        if x.rowCount == 0 {
            raw = []
        } else {
            let matrix = try XGBMatrix(x, threads: threads)
            raw = try cache.withBooster(json: booster, threads: threads) { booster throws(LearningError) in
                try booster.predict(matrix)
            }
        }
        switch task {
        case .regression:
            return .values(raw.map { Double($0) })
        case .classification(let classes):
            return .classes(ClassPredictions(classes: classes,
                                             probabilities: Self.probabilities(raw, classCount: classes.count)))
        }
    }

    /// Row-major class probabilities in double precision, each row summing to 1.
    private static func probabilities(_ raw: [Float], classCount: Int) -> [Double] {
        if classCount == 2 {
            var out = [Double](repeating: 0, count: raw.count * 2)
            for (row, value) in raw.enumerated() {
                out[row * 2 + 1] = Double(value)
                out[row * 2] = 1 - Double(value)
            }
            return out
        }
        var out = raw.map { Double($0) }
        let rows = classCount == 0 ? 0 : out.count / classCount
        for row in 0..<rows {
            let slice = row * classCount..<(row + 1) * classCount
            let sum = out[slice].reduce(0, +)
            if sum > 0 { for index in slice { out[index] /= sum } }
        }
        return out
    }

    /// Whether XGBoost (and Python's xgboost) accept `names` as feature names: one per
    /// column, unique, without `[`, `]` or `<`.
    private static func validFeatureNames(_ names: [String], width: Int) -> Bool {
        names.count == width && Set(names).count == names.count
            && !names.contains { $0.isEmpty || $0.contains { "[]<".contains($0) } }
    }
}
