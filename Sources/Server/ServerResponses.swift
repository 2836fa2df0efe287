import Foundation
import Learning
import Store

/// `{"model": "NAME", "predictions": [...], "version": N}`: class labels, or numbers (null when not finite).
/// Written by hand, as UTF-8: on the hot path JSONEncoder costs more than scoring a row.
struct PredictionResponse {
    var predictions: Predictions
    var model: String
    var version: Int

    var json: [UInt8] {
        var out = Array(#"{"model":"#.utf8)
        out.reserveCapacity(64 + predictions.count * 12)
        JSONText.appendQuoted(model, to: &out)
        out.append(contentsOf: #","predictions":["#.utf8)
        switch predictions {
        case .classes(let classes):
            for (row, code) in classes.codes.enumerated() {
                if row > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(classes.classes[Int(code)], to: &out)
            }
        case .values(let values):
            for (row, value) in values.enumerated() {
                if row > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: (value.isFinite ? formatNumber(value) : "null").utf8)
            }
        }
        out.append(contentsOf: #"],"version":\#(version)}"#.utf8)
        return out
    }
}

/// One entry of `GET /models`: the production version's schema, and how traffic is routed.
struct ModelDescription: Encodable {
    struct Share: Encodable {
        var version: Int
        var percent: Int
    }

    var name: String
    var version: Int
    var algorithm: String
    var task: String
    var target: String
    var features: [String]
    var classes: [String]?
    var strategy: String
    /// Who answers which share of requests.
    var traffic: [Share]
    /// The shadow version and the share of requests copied to it.
    var shadow: Share?
    /// Blue/green: the version a rollback returns to.
    var standby: Int?
    /// Percent of requests captured for monitoring.
    var capture: Int

    init(_ route: ModelRoute) {
        let served = route.production
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
        strategy = route.strategy.rawValue
        traffic = route.split.map { Share(version: $0.0.version, percent: $0.1) }
        if route.strategy == .shadow, let candidate = route.candidate { shadow = Share(version: candidate.version, percent: route.percent) }
        standby = route.standby?.version
        capture = route.capture
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
