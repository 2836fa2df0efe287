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
    /// Boosting rounds the booster holds: the `rounds` parameter, or fewer when early
    /// stopping kept the best round.
    let rounds: Int
    /// Threads XGBoost uses to predict.
    let threads: Int
    /// Training rows held out to decide early stopping; `nil` when every row was boosted on.
    let validationRows: Int?
    private let cache = BoosterCache()

    private enum CodingKeys: String, CodingKey { case booster, objective, rounds, threads, validationRows }

    /// Fewest held-out rows early stopping is decided on; when `validation` of the training
    /// rows is fewer, every row is boosted on and all `rounds` are kept.
    static let minimumValidationRows = 10

    /// `boost`'s hyperparameters (the seed is `train`'s). XGBoost's defaults, except that a
    /// numeric target gets two safeguards against overfitting small data that scikit-learn's
    /// `HistGradientBoostingRegressor` also has: leaves of at least 20 rows (its
    /// `min_samples_leaf=20`) and early stopping on 10 % of the rows with a patience of 10
    /// rounds (its `validation_fraction` and `n_iter_no_change`, which it switches on by itself
    /// only above 10,000 rows; at rate 0.3 a few hundred rows need it too).
    static let parameterSpecs = [
        ParameterSpec(name: "rounds", kind: .int, defaultValue: .int(100), validRange: 1...Double.infinity,
                      help: "boosting rounds (trees per class); early stopping may keep fewer"),
        ParameterSpec(name: "rate", kind: .double, defaultValue: .double(0.3),
                      validRange: Double.leastNonzeroMagnitude...1,
                      help: "learning rate (XGBoost's eta): how much of each tree is added"),
        ParameterSpec(name: "depth", kind: .int, defaultValue: .int(6), validRange: 1...Double.infinity,
                      help: "maximum depth of each tree"),
        ParameterSpec(name: "min_child_weight", kind: .double, defaultValue: .double(1), regressionDefault: .double(20),
                      validRange: 0...Double.infinity,
                      help: "least Hessian a leaf holds (XGBoost's min_child_weight), in rows for a numeric target"),
        ParameterSpec(name: "patience", kind: .int, defaultValue: .int(0), regressionDefault: .int(10),
                      validRange: 0...Double.infinity,
                      help: "early stopping: stop after this many rounds without a better loss on held-out "
                          + "rows, keeping the best round; 0 = off"),
        ParameterSpec(name: "validation", kind: .double, defaultValue: .double(0.1),
                      validRange: Double.leastNonzeroMagnitude...0.5,
                      help: "share of the training rows held out for early stopping (stratified for classes)"),
        ParameterSpec(name: "threads", kind: .int, defaultValue: .int(2), validRange: 1...1024,
                      help: "threads XGBoost uses (the same threads and seed give the same model)"),
    ]

    static func == (lhs: BoostModel, rhs: BoostModel) -> Bool {
        lhs.booster == rhs.booster && lhs.objective == rhs.objective && lhs.rounds == rhs.rounds
            && lhs.threads == rhs.threads && lhs.validationRows == rhs.validationRows
    }

    init(booster: String, objective: String, rounds: Int, threads: Int, validationRows: Int? = nil) {
        self.booster = booster
        self.objective = objective
        self.rounds = rounds
        self.threads = threads
        self.validationRows = validationRows
    }

    /// Fits up to `rounds` boosting rounds to `x` (columns named `featureNames`) and `data`'s target.
    ///
    /// With `patience` > 0, a `validation` share of the rows (stratified by class) is drawn with
    /// `seed` and held out: boosting stops once their loss (squared error, or log loss) has not
    /// improved for `patience` rounds, and the booster keeps only the rounds up to the best.
    ///
    /// - Throws: `LearningError` carrying XGBoost's message when a C call fails.
    static func fit(_ x: DesignMatrix, data: TrainingData, featureNames: [String],
                    parameters: [String: ParameterValue], seed: UInt64,
                    progress: TrainingProgress? = nil) throws(LearningError) -> BoostModel {
        let rounds = parameters.integer("rounds")
        let threads = parameters.integer("threads")
        let split = try earlyStoppingSplit(data, parameters: parameters, seed: seed)
        let part = TargetPart(x, data, rows: split?.fit)
        let matrix = try XGBMatrix(part.x, threads: threads)
        try matrix.setLabels(part.labels)
        var settings: [(String, String)] = [
            ("tree_method", "hist"),
            ("eta", String(parameters.number("rate"))),
            ("max_depth", String(parameters.integer("depth"))),
            ("min_child_weight", String(parameters.number("min_child_weight"))),
            ("nthread", String(threads)),
            ("seed", String(Int64(truncatingIfNeeded: seed) & Int64.max)),
            ("verbosity", "0"),
        ]
        let objective: String
        var intercept: BoostIntercept?
        switch data.task {
        case .regression:
            objective = "reg:squarederror"
            let mean = part.values.reduce(0, +) / Double(max(part.values.count, 1))
            settings.append(("base_score", String(mean)))
        case .classification(let classes):
            if classes.count == 2 {
                objective = "binary:logistic"
                let positive = Double(part.codes.reduce(0) { $0 + Int($1) }) / Double(part.codes.count)
                settings.append(("base_score", String(min(max(positive, 1e-6), 1 - 1e-6))))
            } else {
                objective = "multi:softprob"
                settings.append(("num_class", String(classes.count)))
                settings.append(("base_score", "0"))
                let start = BoostIntercept(codes: part.codes, classCount: classes.count)
                try matrix.setBaseMargin(start.baseMargin(rows: part.x.rowCount))
                intercept = start
            }
        }
        settings.append(("objective", objective))
        let booster = try Booster(matrices: [matrix])
        if Self.validFeatureNames(featureNames, width: x.columnCount) {
            try booster.setFeatureNames(featureNames)
        }
        for (name, value) in settings { try booster.set(name, value) }

        let counter = ProgressCounter(total: rounds, report: progress)
        guard let split else {
            for round in 0..<rounds {
                try booster.updateOneIteration(round, matrix)
                counter.step()
            }
            return BoostModel(booster: try Self.saved(booster, intercept), objective: objective, rounds: rounds,
                              threads: threads)
        }
        let heldOut = TargetPart(x, data, rows: split.validation)
        let heldOutMatrix = try XGBMatrix(heldOut.x, threads: threads)
        if let intercept { try heldOutMatrix.setBaseMargin(intercept.baseMargin(rows: heldOut.x.rowCount)) }
        let patience = parameters.integer("patience")
        var kept = 0
        var bestLoss = Double.infinity
        for round in 0..<rounds {
            try booster.updateOneIteration(round, matrix)
            counter.step()
            let loss = heldOut.loss(try booster.predict(heldOutMatrix), classCount: data.task.classes.count)
            if kept == 0 || loss < bestLoss {
                (kept, bestLoss) = (round + 1, loss)
            } else if round + 1 - kept >= patience {
                break
            }
        }
        progress?(1)
        let saved = try kept < rounds ? booster.firstRounds(kept) : booster
        return BoostModel(booster: try Self.saved(saved, intercept), objective: objective, rounds: kept,
                          threads: threads, validationRows: heldOut.x.rowCount)
    }

    /// `booster` as XGBoost JSON, carrying `intercept` in its first round when it has one.
    private static func saved(_ booster: Booster, _ intercept: BoostIntercept?) throws(LearningError) -> String {
        let json = try booster.savedJSON()
        return try intercept?.baked(into: json) ?? json
    }

    /// The training rows boosted on and those held out for early stopping, drawn with `seed`
    /// (stratified by class); `nil` when `patience` is 0 or the held-out share would be fewer
    /// than `minimumValidationRows` rows.
    private static func earlyStoppingSplit(_ data: TrainingData, parameters: [String: ParameterValue],
                                           seed: UInt64) throws(LearningError) -> (fit: [Int], validation: [Int])? {
        guard parameters.integer("patience") > 0 else { return nil }
        let ratio = 1 - parameters.number("validation")
        let fitCount = Int((ratio * Double(data.rowCount)).rounded())
        guard data.rowCount - fitCount >= minimumValidationRows else { return nil }
        let (fit, validation) = try Splitter.splitIndices(rowCount: data.rowCount, ratio: ratio, seed: seed,
                                                          stratifyBy: data.task.isClassification ? data.classCodes : nil)
        return (fit, validation)
    }

    /// What `train` tells about early stopping: the rounds it kept, or why it did not run.
    func notes(_ parameters: [String: ParameterValue]) -> [String] {
        let patience = parameters.integer("patience")
        guard patience > 0 else { return [] }
        let most = parameters.integer("rounds")
        guard let validationRows else {
            return ["no early stopping: validation=\(parameters["validation"]?.description ?? "?") would hold out fewer than "
                    + "\(Self.minimumValidationRows) of the training rows, so all \(most) rounds were boosted on every row"]
        }
        let loss = objective == "reg:squarederror" ? "rmse" : "log loss"
        let after = min(rounds + patience, most) - rounds
        guard after > 0 else {
            return ["early stopping kept all \(most) rounds: the \(loss) on \(validationRows) held-out training rows "
                    + "was still falling at the last one"]
        }
        return ["early stopping kept \(rounds) of \(most) rounds: the \(loss) on \(validationRows) held-out training rows "
                + "was lowest after round \(rounds), and the \(after) rounds after it did no better"]
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

/// The design matrix and target of some training rows, as XGBoost takes them.
private struct TargetPart {
    let x: DesignMatrix
    let classification: Bool
    /// Regression: the target values.
    let values: [Double]
    /// Classification: the class indexes.
    let codes: [Int32]

    /// The rows `rows` of `x` and `data` (all of them when `nil`).
    init(_ x: DesignMatrix, _ data: TrainingData, rows: [Int]?) {
        classification = data.task.isClassification
        self.x = rows.map { x.selecting(rows: $0) } ?? x
        guard let rows else {
            (values, codes) = (data.values, data.classCodes)
            return
        }
        values = classification ? [] : rows.map { data.values[$0] }
        codes = classification ? rows.map { data.classCodes[$0] } : []
    }

    /// The labels XGBoost trains on: class indexes, or target values.
    var labels: [Float] { classification ? codes.map { Float($0) } : values.map { Float($0) } }

    /// The mean loss of XGBoost's `predictions` for these rows: the squared error (ordered as
    /// XGBoost's rmse), or the negative log-likelihood of the true class (its logloss and
    /// mlogloss, probabilities clipped to 1e-16).
    func loss(_ predictions: [Float], classCount: Int) -> Double {
        var total = 0.0
        guard classification else {
            for (predicted, value) in zip(predictions, values) {
                let error = Double(predicted) - value
                total += error * error
            }
            return total / Double(max(values.count, 1))
        }
        for (row, code) in codes.enumerated() {
            let probability = classCount == 2
                ? (code == 1 ? Double(predictions[row]) : 1 - Double(predictions[row]))
                : Double(predictions[row * classCount + Int(code)])
            total -= log(min(max(probability, 1e-16), 1 - 1e-16))
        }
        return total / Double(max(codes.count, 1))
    }
}
