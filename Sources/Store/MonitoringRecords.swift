import Foundation

/// A baseline recorded for a registered model (`monitor`); its statistics are an object in the store.
public struct MonitorBaselineRecord: Sendable, Hashable {
    public var id: Int64
    public var modelName: String
    public var version: Int
    public var baselineSHA256: String
    public var datasetSHA256: String
    public var datasetLabel: String
    public var rows: Int
    public var createdBy: String
    public var createdAt: Date
}

/// A production batch to record (`observe`).
public struct NewMonitorBatch: Sendable, Hashable {
    public var modelName: String
    public var version: Int
    public var baselineID: Int64
    public var datasetSHA256: String
    public var datasetLabel: String
    public var rows: Int
    public var hasTarget: Bool
    public var driftShare: Double
    public var driftDetected: Bool
    public var violations: Int
    /// The whole report as JSON.
    public var report: String
    /// The error stream for the concept-drift detectors, as bytes to store as an object.
    public var errors: Data?
    public var metrics: [String: Double]
    public var observedBy: String

    public init(modelName: String, version: Int, baselineID: Int64, datasetSHA256: String, datasetLabel: String,
                rows: Int, hasTarget: Bool, driftShare: Double, driftDetected: Bool, violations: Int, report: String,
                errors: Data?, metrics: [String: Double], observedBy: String) {
        self.modelName = modelName
        self.version = version
        self.baselineID = baselineID
        self.datasetSHA256 = datasetSHA256
        self.datasetLabel = datasetLabel
        self.rows = rows
        self.hasTarget = hasTarget
        self.driftShare = driftShare
        self.driftDetected = driftDetected
        self.violations = violations
        self.report = report
        self.errors = errors
        self.metrics = metrics
        self.observedBy = observedBy
    }
}

/// An observed batch as stored.
public struct MonitorBatchRecord: Sendable, Hashable {
    public var id: Int64
    /// 1 for the model's first batch, 2 for its second, …
    public var number: Int
    public var modelName: String
    public var version: Int
    public var baselineID: Int64
    public var datasetSHA256: String
    public var datasetLabel: String
    public var rows: Int
    public var hasTarget: Bool
    public var driftShare: Double
    public var driftDetected: Bool
    public var violations: Int
    public var report: String
    public var errorsSHA256: String?
    public var metrics: [String: Double]
    public var observedBy: String
    public var observedAt: Date
}

/// A continuous-training rule (`alert NAME when EXPR then retrain on DATA`).
public struct AlertRuleRecord: Sendable, Hashable {
    public var id: Int64
    public var modelName: String
    public var condition: String
    public var dataLabel: String
    /// How to rebuild the training data from the store's snapshots (JSON of the engine's recipe).
    public var dataRecipe: String
    /// The rule's options as JSON (`{"by": "r2", "with_batch": "true"}`).
    public var options: String
    public var createdBy: String
    public var createdAt: Date
}
