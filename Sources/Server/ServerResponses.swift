import Foundation
import Learning

/// `{"predictions": [...], "model": "NAME", "version": N}`: class labels, or numbers (null when not finite).
struct PredictionResponse: Encodable {
    var predictions: Predictions
    var model: String
    var version: Int

    private enum CodingKeys: String, CodingKey { case predictions, model, version }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch predictions {
        case .classes(let classes): try container.encode(classes.labels, forKey: .predictions)
        case .values(let values): try container.encode(values.map { $0.isFinite ? $0 : nil }, forKey: .predictions)
        }
        try container.encode(model, forKey: .model)
        try container.encode(version, forKey: .version)
    }
}

/// One entry of `GET /models`.
struct ModelDescription: Encodable {
    var name: String
    var version: Int
    var algorithm: String
    var task: String
    var target: String
    var features: [String]
    var classes: [String]?

    init(_ served: ServedModel) {
        name = served.name
        version = served.version
        algorithm = served.model.algorithm.rawValue
        target = served.model.target
        features = served.model.featureNames
        switch served.model.task {
        case .classification(let labels):
            task = "classification"
            classes = labels
        case .regression:
            task = "regression"
        }
    }
}

struct HealthResponse: Encodable {
    struct Loaded: Encodable {
        var name: String
        var version: Int
    }

    var status = "ok"
    var models: [Loaded]
}

struct VersionResponse: Encodable {
    var version: String
}

struct ErrorResponse: Encodable {
    var error: String
}
