import Foundation
import Hummingbird
import Store

/// `POST /models/NAME/deploy` and `POST /models/NAME/rollback`: the same changes as the `deploy` and `rollback`
/// commands, audited with the actor `http`, in force on return.
struct DeploymentEndpoints: Sendable {
    let server: ModelServer

    /// `{"strategy": "canary", "percent": 10, "capture": 100, "note": "..."}`; every field optional.
    struct DeployBody: Decodable {
        var strategy: String?
        var percent: Int?
        var capture: Int?
        var note: String?
    }

    struct RollbackBody: Decodable {
        var note: String?
    }

    struct DeploymentReply: Encodable {
        var model: String
        var deployment: String
    }

    static let actor = "http"

    func deploy(_ request: Request, model name: String) async throws -> Response {
        let store = try authorize(request)
        let body: DeployBody = try await decode(request, or: DeployBody())
        let strategyText = body.strategy ?? "direct"
        guard let strategy = DeploymentStrategy(rawValue: strategyText) else {
            throw ServingError.badRequest("`strategy` must be one of \(DeploymentStrategy.allCases.map(\.rawValue).joined(separator: ", ")), not `\(strategyText)`")
        }
        let deployment = NewDeployment(modelName: name, strategy: strategy,
                                       percent: body.percent ?? (strategy == .shadow ? 100 : 10),
                                       capture: body.capture ?? 100, actor: Self.actor, note: body.note)
        let record = try storeCall { try store.deploy(deployment) }
        try server.state.refresh()
        return try JSONResponse.ok(DeploymentReply(model: name, deployment: record.summary))
    }

    func rollback(_ request: Request, model name: String) async throws -> Response {
        let store = try authorize(request)
        let body: RollbackBody = try await decode(request, or: RollbackBody())
        let outcome = try storeCall { try store.rollbackDeployment(name, actor: Self.actor, note: body.note) }
        try server.state.refresh()
        let summary = switch outcome {
        case .rolloutEnded(let record): record.summary
        case .productionRestored(let rollback): "production is \(rollback.restored.reference) again (\(rollback.retired.reference) archived)"
        }
        return try JSONResponse.ok(DeploymentReply(model: name, deployment: summary))
    }

    /// The store, once the request carries the bearer token (when the server has one).
    private func authorize(_ request: Request) throws -> Store {
        if let token = server.token {
            let given = request.headers[.authorization] ?? ""
            guard Self.constantTimeEqual(given, "Bearer " + token) else {
                throw ServingError(.unauthorized, given.isEmpty
                                   ? "this route needs the server's token: send the header `Authorization: Bearer TOKEN`"
                                   : "the bearer token is not the server's")
            }
        }
        guard let store = server.state.store else {
            throw ServingError(.conflict, "this server serves fixed models; it has no store to deploy from")
        }
        return store
    }

    private func decode<Body: Decodable>(_ request: Request, or fallback: Body) async throws -> Body {
        let bytes = try await server.body(of: request)
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return fallback }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(bytes))
        } catch {
            throw ServingError.badRequest("the body is not the JSON this route takes: \(error)")
        }
    }

    private func storeCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw ServingError(error.isNotFound ? .notFound : error.isRefused ? .conflict : .badRequest, error.message)
        }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
