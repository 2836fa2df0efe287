import Learning

/// A named dataset of the session, with its version and where it came from.
public struct Dataset: Sendable {
    public enum Origin: Sendable, Equatable {
        /// Read from a file; `bytes` is the file's size.
        case file(path: String, bytes: Int)
        /// Made from other datasets by a command such as `split`.
        case derived(from: [String], how: String)
    }

    public var name: String
    public var frame: DataFrame
    /// SHA-256 of the content: the file's bytes, or the canonical table for derived data.
    public var version: String
    public var origin: Origin
    /// How to rebuild these rows from the store.
    public var recipe: DataRecipe

    public var lineage: String {
        switch origin {
        case .file(let path, _): "file \(path)"
        case .derived(let parents, let how): "\(how) of \(parents.joined(separator: ", "))"
        }
    }

    public var shortVersion: String { String(version.prefix(12)) }
}

/// A trained model of the session and the data it learned from.
public struct SessionModel: Sendable {
    public var name: String
    public var model: TrainedModel
    public var trainedOn: String
    public var dataVersion: String
    /// The run that made the model, when it was logged.
    public var runID: Int64?
    /// SHA-256 of the model's artifact (its canonical JSON) in the store.
    public var artifactSHA256: String?

    public init(name: String, model: TrainedModel, trainedOn: String, dataVersion: String,
                runID: Int64? = nil, artifactSHA256: String? = nil) {
        self.name = name
        self.model = model
        self.trainedOn = trainedOn
        self.dataVersion = dataVersion
        self.runID = runID
        self.artifactSHA256 = artifactSHA256
    }
}
