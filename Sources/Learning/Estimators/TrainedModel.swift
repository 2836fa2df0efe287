import Foundation

/// A fitted model: what was trained, how the features are encoded, and the learnt state.
///
/// Versioned and `Codable`; `jsonData()` gives the canonical bytes (sorted keys), equal
/// for equal models.
///
/// ```swift
/// let model = try train(.logistic, on: frame, parameters: ["C": .double(0.5)], seed: 42)
/// let predictions = try model.predict(newFrame)
/// ```
public struct TrainedModel: Sendable, Codable, Equatable {
    /// The format this build writes; decoding a newer one fails.
    public static let currentFormatVersion = 1

    public let formatVersion: Int
    public let algorithm: Algorithm
    /// The hyperparameters used, defaults filled in.
    public let parameters: [String: ParameterValue]
    public let task: LearningTask
    /// The name of the target column.
    public let target: String
    /// The input feature columns, in training order.
    public let featureNames: [String]
    public let seed: UInt64
    /// The feature encoding learnt from the training data.
    public let preprocessor: Preprocessor
    /// Notes about the fit worth showing the user (e.g. no convergence).
    public let warnings: [String]
    let state: FittedState

    init(algorithm: Algorithm, parameters: [String: ParameterValue], task: LearningTask, target: String,
         seed: UInt64, preprocessor: Preprocessor, state: FittedState) {
        self.formatVersion = Self.currentFormatVersion
        self.algorithm = algorithm
        self.parameters = parameters
        self.task = task
        self.target = target
        self.featureNames = preprocessor.featureNames
        self.seed = seed
        self.preprocessor = preprocessor
        self.warnings = state.warnings(parameters)
        self.state = state
    }

    /// What the fit decided on its own (where `boost`'s early stopping stopped), one line each;
    /// derived from the state, not stored.
    public var notes: [String] { state.notes(parameters) }

    /// Optimiser iterations the fit took (boosting rounds kept), `nil` for algorithms without an iterative fit.
    public var iterations: Int? {
        switch state {
        case .baseline: nil
        case .logistic(let model): model.iterations
        case .boost(let model): model.rounds
        case .linear, .knn, .bayes: nil
        case .tree, .forest: nil
        }
    }

    /// Predicts every row of `frame`. Columns are found by name; extra columns (the
    /// target among them) are ignored.
    ///
    /// - Throws: `LearningError` when a feature column is missing or of another kind than
    ///   in training.
    public func predict(_ frame: DataFrame) throws(LearningError) -> Predictions {
        let x = try preprocessor.transform(frame)
        return try state.predict(x, task: task)
    }

    /// The canonical JSON encoding (sorted keys).
    public func jsonData() throws(LearningError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            throw LearningError("cannot encode the model: \(error)")
        }
    }

    /// Decodes a model written by `jsonData()`.
    ///
    /// - Throws: `LearningError` when the data is not a model or of a newer format.
    public init(jsonData: Data) throws(LearningError) {
        do {
            self = try JSONDecoder().decode(TrainedModel.self, from: jsonData)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.first?.stringValue == "formatVersion" {
                throw LearningError(context.debugDescription)
            }
            throw LearningError("not a valid model file: \(error)")
        } catch {
            throw LearningError("not a valid model file: \(error)")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, algorithm, parameters, task, target, featureNames, seed, preprocessor, warnings, state
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion <= Self.currentFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "model format \(formatVersion) is newer than this mlw reads (\(Self.currentFormatVersion))")
        }
        algorithm = try container.decode(Algorithm.self, forKey: .algorithm)
        parameters = try container.decode([String: ParameterValue].self, forKey: .parameters)
        task = try container.decode(LearningTask.self, forKey: .task)
        target = try container.decode(String.self, forKey: .target)
        featureNames = try container.decode([String].self, forKey: .featureNames)
        seed = try container.decode(UInt64.self, forKey: .seed)
        preprocessor = try container.decode(Preprocessor.self, forKey: .preprocessor)
        warnings = try container.decode([String].self, forKey: .warnings)
        state = try container.decode(FittedState.self, forKey: .state)
    }
}
