import Foundation

/// Baseline statistics and constraints of a model's inputs and predictions, made once from reference data
/// (`monitor NAME baseline=DATA`) and stored, so that every later batch is checked against it alone.
///
/// ```swift
/// let baseline = try MonitorBaseline(model: model, data: train)
/// let report = try BatchReport(baseline: baseline, model: model, batch: batch)
/// ```
public struct MonitorBaseline: Sendable, Codable, Equatable {
    public static let currentFormatVersion = 1

    public let formatVersion: Int
    /// The model's input features, in the model's order.
    public let features: [FeatureProfile]
    /// The model's predictions on the reference data (a column named `prediction`).
    public let prediction: FeatureProfile
    public let target: String
    public let task: LearningTask
    public let rows: Int

    /// - Throws: `LearningError` when `data` lacks a feature the model needs or has no rows.
    public init(model: TrainedModel, data: DataFrame) throws(LearningError) {
        guard data.rowCount > 0 else { throw LearningError("the baseline data has no rows") }
        var features: [FeatureProfile] = []
        for name in model.featureNames {
            guard let column = data.column(named: name) else {
                throw LearningError("the baseline data has no column `\(name)`, a feature of the model; it needs "
                                    + model.featureNames.joined(separator: ", "))
            }
            features.append(FeatureProfile(column))
        }
        let predictions = try model.predict(data)
        formatVersion = Self.currentFormatVersion
        self.features = features
        prediction = FeatureProfile(Self.predictionColumn(predictions))
        target = model.target
        task = model.task
        rows = data.rowCount
    }

    public static func predictionColumn(_ predictions: Predictions) -> Column {
        predictions.column(named: "prediction")
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// - Throws: `LearningError` for bytes that are not a baseline of a format this build reads.
    public init(jsonData: Data) throws(LearningError) {
        do {
            self = try JSONDecoder().decode(MonitorBaseline.self, from: jsonData)
        } catch {
            throw LearningError("the stored baseline cannot be read: \(error)")
        }
        guard formatVersion <= Self.currentFormatVersion else {
            throw LearningError("the stored baseline has format \(formatVersion); this mlw reads up to \(Self.currentFormatVersion)")
        }
    }
}
