import Foundation

/// How the endpoint routes a model's traffic between production and a candidate (the staging version).
public enum DeploymentStrategy: String, Codable, Sendable, CaseIterable {
    /// Every request to production.
    case direct
    /// `percent` of requests to the candidate, the rest to production.
    case canary
    /// The candidate became production at once; the version it replaced stays loaded for an instant rollback.
    case bluegreen
    /// Production answers; `percent` of requests are also scored by the candidate, unseen by the caller.
    case shadow
}

/// A deployment to record.
public struct NewDeployment: Sendable, Hashable {
    public var modelName: String
    public var strategy: DeploymentStrategy
    /// canary: share of requests the candidate answers (1–99, default 10); shadow: share copied to it (1–100,
    /// default 100); nil for the other strategies, which take no percent.
    public var percent: Int?
    /// Share of requests stored for monitoring (0–100); nil keeps the share of the deployment in force (100 at first).
    public var capture: Int?
    public var actor: String
    public var note: String?

    public init(modelName: String, strategy: DeploymentStrategy, percent: Int? = nil, capture: Int? = nil, actor: String,
                note: String? = nil) {
        self.modelName = modelName
        self.strategy = strategy
        self.percent = percent
        self.capture = capture
        self.actor = actor
        self.note = note
    }
}

/// A deployment as stored: the newest one of a model is in force.
public struct DeploymentRecord: Sendable, Hashable {
    public var id: Int64
    public var modelName: String
    public var strategy: DeploymentStrategy
    /// Production when deployed (for blue/green: the version that was switched to).
    public var productionVersion: Int
    /// The candidate of a canary or shadow; for blue/green the previous production version (the standby).
    public var candidateVersion: Int?
    public var percent: Int
    public var capture: Int
    public var deployedBy: String
    public var deployedAt: Date
    public var note: String?
}

/// Requests and predictions seen by the endpoint, to store for monitoring.
public struct NewCapture: Sendable, Hashable {
    public var modelName: String
    /// The version that answered.
    public var version: Int
    /// The shadow version that also scored the rows, with its predictions.
    public var shadowVersion: Int?
    /// Column names of `rows`: the model's features, then its target when the request carried it.
    public var columns: [String]
    /// Cell texts, row by row (nil: missing).
    public var rows: [[String?]]
    public var predictions: [String]
    public var shadowPredictions: [String]?

    public init(modelName: String, version: Int, shadowVersion: Int? = nil, columns: [String], rows: [[String?]],
                predictions: [String], shadowPredictions: [String]? = nil) {
        self.modelName = modelName
        self.version = version
        self.shadowVersion = shadowVersion
        self.columns = columns
        self.rows = rows
        self.predictions = predictions
        self.shadowPredictions = shadowPredictions
    }
}

/// A capture with its rows already written as JSON text, as the endpoint writes them, so that a busy endpoint
/// builds no array of rows to store: `capture` holds the rest, its own `rows` left empty.
public struct EncodedCapture: Sendable {
    public var capture: NewCapture
    public var rows: JSONText.Rows

    /// `capture`, its rows written as JSON text.
    public init(_ capture: NewCapture) {
        var rows = JSONText.Rows()
        for row in capture.rows { rows.append(row) }
        self.capture = capture
        self.capture.rows = []
        self.rows = rows
    }
}

/// A stored capture.
public struct CaptureRecord: Sendable, Hashable {
    public var id: Int64
    public var capture: NewCapture
    public var receivedAt: Date
    /// The monitoring batch that observed it, nil until `observe NAME with captured`.
    public var batchID: Int64?
}
