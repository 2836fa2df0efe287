/// What `observe` finds in one production batch against a baseline: data-quality violations, drift per
/// feature and of the predictions, and the model's quality when the batch has the target.
///
/// A feature that cannot be compared (missing from the batch, of another type, or without values) has
/// no drift figure and says why; the dataset drifts when at least `datasetDriftShare` of the features
/// that could be compared drifted.
public struct BatchReport: Sendable, Codable, Equatable {
    public struct FeatureResult: Sendable, Codable, Equatable {
        public let name: String
        public let drift: FeatureDrift?
        /// Why there is no drift figure.
        public let skipped: String?
    }

    public static let datasetDriftShare = 0.5
    static let unpredictable = "the model cannot predict this batch"

    public let rows: Int
    public let violations: [QualityViolation]
    public let features: [FeatureResult]
    public let prediction: FeatureResult?
    /// The model's metrics on the batch; empty without the target.
    public let metrics: [String: Double]
    /// Per row in arrival order, for the concept-drift detectors: 1 for a wrong class and 0 for a right
    /// one, or the absolute error of a regression; empty without the target. Not encoded: it is as long
    /// as the batch, and kept apart.
    public private(set) var errors: [Double] = []

    enum CodingKeys: String, CodingKey {
        case rows, violations, features, prediction, metrics
    }

    /// Whether the model could predict the batch (every feature present, with its type).
    public var predicted: Bool { prediction?.skipped != Self.unpredictable }
    public var driftedFeatures: [String] { features.filter { $0.drift?.drifted == true }.map(\.name) }
    public var comparedFeatures: Int { features.filter { $0.drift != nil }.count }
    public var driftShare: Double {
        comparedFeatures == 0 ? 0 : Double(driftedFeatures.count) / Double(comparedFeatures)
    }
    public var driftDetected: Bool { comparedFeatures > 0 && driftShare >= Self.datasetDriftShare }

    /// - Parameter method: a drift method for every numeric feature instead of the default choice
    ///   (categorical features keep theirs when the method needs numbers).
    /// - Throws: `LearningError` when the batch has no rows.
    public init(baseline: MonitorBaseline, model: TrainedModel, batch: DataFrame, method: DriftMethod? = nil)
        throws(LearningError) {
        guard batch.rowCount > 0 else { throw LearningError("the batch has no rows; there is nothing to observe") }
        rows = batch.rowCount
        let batch = Self.typingEmptyColumns(of: batch, as: baseline)
        violations = DataQualityCheck.violations(baseline: baseline, batch: batch)
        let profiles = baseline.features
        features = Parallel.map(profiles.count) { index in
            Self.compare(profiles[index], batch.column(named: profiles[index].name), method: method)
        }
        let unusable = violations.contains { $0.check == .missingColumn || $0.check == .wrongType }
        if unusable {
            prediction = FeatureResult(name: "prediction", drift: nil, skipped: Self.unpredictable)
            metrics = [:]
            return
        }
        let predictions = try model.predict(batch)
        prediction = Self.compare(baseline.prediction, MonitorBaseline.predictionColumn(predictions), method: nil)
        if let truth = batch.column(named: model.target), truth.missingCount < truth.count {
            metrics = (try? evaluate(model, on: batch))?.dictionary ?? [:]
            errors = Self.errors(truth: truth, predictions: predictions)
        } else {
            metrics = [:]
        }
    }

    /// Why the model could not predict the batch, feature by feature (`missing x2, c of another type`);
    /// `nil` when it could.
    public var unpredictableReason: String? {
        guard !predicted else { return nil }
        let reasons = violations.compactMap { violation -> String? in
            switch violation.check {
            case .missingColumn: "missing \(violation.feature)"
            case .wrongType: "\(violation.feature) of another type"
            default: nil
            }
        }
        return reasons.isEmpty ? "the model cannot predict it" : reasons.joined(separator: ", ")
    }

    /// A feature column without a single value has no type of its own (a CSV reader calls it numeric):
    /// it takes the baseline's, all missing, so it is a completeness problem and the model imputes it.
    static func typingEmptyColumns(of batch: DataFrame, as baseline: MonitorBaseline) -> DataFrame {
        var typed = batch
        for profile in baseline.features {
            guard let index = typed.columns.firstIndex(where: { $0.name == profile.name }) else { continue }
            let column = typed.columns[index]
            guard column.missingCount == column.count, (column.kind == .numeric) != (profile.kind == .numeric) else { continue }
            typed.columns[index] = profile.kind == .numeric
                ? .numeric(profile.name, [Double](repeating: .nan, count: column.count))
                : .categorical(profile.name, codes: [Int32](repeating: -1, count: column.count), levels: profile.levels ?? [],
                               kind: profile.kind)
        }
        return typed
    }

    static func compare(_ profile: FeatureProfile, _ column: Column?, method: DriftMethod?) -> FeatureResult {
        guard let column else { return FeatureResult(name: profile.name, drift: nil, skipped: "not in the batch") }
        guard (column.kind == .numeric) == (profile.kind == .numeric) else {
            return FeatureResult(name: profile.name, drift: nil, skipped: "another type than in the baseline")
        }
        do throws(LearningError) {
            let drift: FeatureDrift
            switch column.storage {
            case .numeric(let values):
                drift = try FeatureDrift.compare(reference: profile.referenceNumbers, current: values, method: method,
                                                 column: profile.name)
            case .categorical(let codes, let levels):
                let labels = codes.map { $0 < 0 ? nil : levels[Int($0)] }
                let positive = profile.kind == .boolean && profile.levels?.count == 2 ? profile.levels![1] : nil
                let categoricalMethod = method.flatMap { $0.needsNumbers ? nil : $0 }
                drift = try FeatureDrift.compare(reference: profile.referenceLabels, current: labels,
                                                 method: categoricalMethod, positive: positive, column: profile.name)
            }
            return FeatureResult(name: profile.name, drift: drift, skipped: nil)
        } catch {
            return FeatureResult(name: profile.name, drift: nil, skipped: error.message)
        }
    }

    /// Errors in row order for the rows that have a truth.
    static func errors(truth: Column, predictions: Predictions) -> [Double] {
        let truth = if case .classes = predictions { truth.asClasses } else { truth }  // 0/1 read as numbers
        switch (truth.storage, predictions) {
        case (.categorical(let codes, let levels), .classes(let classes)):
            let labels = classes.labels
            return codes.indices.compactMap { row in
                codes[row] < 0 ? nil : (levels[Int(codes[row])] == labels[row] ? 0 : 1)
            }
        case (.numeric(let values), .values(let predicted)):
            return values.indices.compactMap { row in values[row].isFinite ? abs(values[row] - predicted[row]) : nil }
        default:
            return []
        }
    }
}
