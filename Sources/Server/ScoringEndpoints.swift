import Foundation
import Hummingbird
import Learning

/// `POST /invocations` and `POST /models/NAME/invocations`: read the body, build the frame, predict.
struct ScoringEndpoints: Sendable {
    let server: ModelServer

    /// The model `/invocations` answers with: the only one served.
    func onlyModel() throws(ServingError) -> ServedModel {
        if server.models.count == 1 { return server.models[0] }
        if server.models.isEmpty { throw .badRequest("no model is in production, so there is nothing to score with") }
        throw .badRequest("\(server.models.count) models are served (\(names)); "
                          + "post to /models/NAME/invocations, e.g. /models/\(server.models[0].name)/invocations")
    }

    func model(named name: String) throws(ServingError) -> ServedModel {
        if let model = server.models.first(where: { $0.name == name }) { return model }
        throw ServingError(.notFound, "no model `\(name)` is served; served: \(server.models.isEmpty ? "none" : names)")
    }

    private var names: String { server.models.map(\.reference).joined(separator: ", ") }

    func invoke(_ request: Request, model served: ServedModel) async throws -> Response {
        let body = try await readBody(request)
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ServingError.badRequest("the body is empty; send JSON with one of \(JSONScoringRequest.formats.joined(separator: ", ")) or text/csv")
        }
        let table: InputTable
        switch try BodyFormat(request.headers[.contentType]) {
        case .json: table = try JSONScoringRequest.table(from: Data(body), featureOrder: served.model.featureNames)
        case .csv: table = try CSVScoringRequest.table(from: body)
        }
        let frame = try FeatureFrameBuilder.frame(from: table, for: served.model)
        let predictions: Predictions
        do {
            predictions = try served.model.predict(frame)
        } catch {
            throw ServingError.badRequest("cannot score with \(served.reference): \(error.message)")
        }
        return try JSONResponse.ok(PredictionResponse(predictions: predictions, model: served.name, version: served.version))
    }

    private func readBody(_ request: Request) async throws -> [UInt8] {
        let limit = server.maximumBodyBytes
        let tooLarge = ServingError(.contentTooLarge, "the body is over the \(limit / (1024 * 1024)) MB limit (\(limit) bytes)")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            if bytes.count + buffer.readableBytes > limit { throw tooLarge }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }
}

/// The scoring body's format, from its `Content-Type` (JSON when absent).
private enum BodyFormat {
    case json, csv

    init(_ contentType: String?) throws(ServingError) {
        let mediaType = (contentType ?? "application/json").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/json", "": self = .json
        case "text/csv": self = .csv
        default: throw ServingError(.unsupportedMediaType, "unsupported Content-Type `\(contentType ?? "")`; send application/json or text/csv")
        }
    }
}
