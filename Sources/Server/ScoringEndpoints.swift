import Foundation
import Hummingbird
import Learning

/// `POST /invocations` and `POST /models/NAME/invocations`: read the body, build the frame, predict.
struct ScoringEndpoints: Sendable {
    let server: ModelServer

    /// The model `/invocations` answers with: the only one served.
    private func onlyModel() throws(ServingError) -> String {
        let names = server.state.names
        if names.count == 1 { return names[0] }
        if names.isEmpty { throw .badRequest("no model is in production, so there is nothing to score with") }
        throw .badRequest("\(names.count) models are served (\(names.joined(separator: ", "))); "
                          + "post to /models/NAME/invocations, e.g. /models/\(names[0])/invocations")
    }

    /// Hummingbird's route: scores the body with the version the route picks for `name` (nil: the only model served).
    func invoke(_ request: Request, model name: String?) async throws -> Response {
        let started = ContinuousClock.now
        let (name, choice) = try route(name)
        let body: [UInt8]
        do {
            body = try await server.body(of: request)
        } catch let error as ServingError {
            server.metrics.refused(model: name, version: choice.answering.version, role: choice.role.rawValue,
                                   status: Int(error.status.code))
            throw error
        }
        return JSONResponse.ok(utf8: try score(body, contentType: request.headers[.contentType], model: name, choice: choice,
                                               started: started))
    }

    /// `ScoringChannelHandler`'s way in, with the body read: the response's JSON, in UTF-8.
    func answer(_ body: [UInt8], contentType: String?, model name: String?,
                started: ContinuousClock.Instant) throws(ServingError) -> [UInt8] {
        let (name, choice) = try route(name)
        return try score(body, contentType: contentType, model: name, choice: choice, started: started)
    }

    /// The model's name and who answers this request, which counts towards the route's shares.
    private func route(_ name: String?) throws(ServingError) -> (String, RouteChoice) {
        if name == nil, let only = server.state.chooseOnly() { return only }
        let name = if let name { name } else { try onlyModel() }
        guard let choice = server.state.choose(name) else {
            server.metrics.refused(model: "", version: nil, status: 404)
            let served = server.state.all.map(\.production.reference)
            throw ServingError(.notFound, "no model `\(name)` is served; served: \(served.isEmpty ? "none" : served.joined(separator: ", "))")
        }
        return (name, choice)
    }

    /// Scores `body` with the chosen version, counts the request and queues it for capture: the response's JSON.
    private func score(_ body: [UInt8], contentType: String?, model name: String, choice: RouteChoice,
                       started: ContinuousClock.Instant) throws(ServingError) -> [UInt8] {
        let served = choice.answering
        let table: InputTable
        let predictions: Predictions
        do throws(ServingError) {
            (table, predictions) = try predict(body, contentType: contentType, with: served)
        } catch {
            server.metrics.refused(model: name, version: served.version, role: choice.role.rawValue, status: Int(error.status.code))
            throw error
        }
        server.metrics.answered(served, role: choice.role, duration: .now - started, predictions: predictions)
        if choice.captured || choice.shadow != nil {
            server.capture?.add(.init(answered: served, shadow: choice.shadow, captured: choice.captured, table: table,
                                      predictions: predictions))
        }
        return PredictionResponse(predictions: predictions, model: served.name, version: served.version).json
    }

    private func predict(_ body: [UInt8], contentType: String?,
                         with served: ServedModel) throws(ServingError) -> (InputTable, Predictions) {
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw .badRequest("the body is empty; send JSON with one of \(JSONScoringRequest.formats.joined(separator: ", ")) or text/csv")
        }
        let table: InputTable
        switch try BodyFormat(contentType) {
        case .json: table = try JSONScoringRequest.table(from: body, featureOrder: served.model.featureNames)
        case .csv: table = try CSVScoringRequest.table(from: body)
        }
        let frame = try FeatureFrameBuilder.frame(from: table, for: served.model)
        let predictions: Predictions
        do {
            predictions = try served.model.predict(frame)
        } catch {
            throw .badRequest("cannot score with \(served.reference): \(error.message)")
        }
        if let row = Self.firstNonFiniteRow(predictions) {
            let largest = served.model.featureNames.compactMap { name -> (String, Double)? in
                guard case .number(let number)? = table.columns[name]?[row] else { return nil }
                return (name, number)
            }.max { abs($0.1) < abs($1.1) }
            throw .badRequest("\(table.rowName(row)): the inputs overflow \(served.reference) (its prediction is not a finite number)"
                              + (largest.map { "; the largest is column `\($0.0)` = \($0.1)" } ?? ""))
        }
        return (table, predictions)
    }

    /// The first row whose prediction (a value, or any class probability) is infinite or NaN.
    private static func firstNonFiniteRow(_ predictions: Predictions) -> Int? {
        switch predictions {
        case .values(let values):
            return values.firstIndex { !$0.isFinite }
        case .classes(let classes):
            let width = max(classes.classes.count, 1)
            return classes.probabilities.firstIndex { !$0.isFinite }.map { $0 / width }
        }
    }
}

/// The scoring body's format, from its `Content-Type` (JSON when absent).
private enum BodyFormat {
    case json, csv

    init(_ contentType: String?) throws(ServingError) {
        if contentType == nil || contentType == "application/json" {  // the usual header, without taking it apart
            self = .json
            return
        }
        let mediaType = (contentType ?? "application/json").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/json", "": self = .json
        case "text/csv": self = .csv
        default: throw ServingError(.unsupportedMediaType, "unsupported Content-Type `\(contentType ?? "")`; send application/json or text/csv")
        }
    }
}
