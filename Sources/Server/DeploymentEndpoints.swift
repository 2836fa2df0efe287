import Foundation
import Hummingbird
import Store

/// `POST /models/NAME/deploy` and `POST /models/NAME/rollback`: the same changes as the `deploy` and `rollback`
/// commands, checked by the same rules (`NewDeployment.validate`, in `Store.deploy`), audited with the actor `http`, in force on return.
struct DeploymentEndpoints: Sendable {
    let server: ModelServer

    struct DeploymentReply: Encodable {
        var model: String
        var deployment: String
    }

    static let actor = "http"

    func deploy(_ request: Request, model name: String) async throws -> Response {
        let store = try authorize(request)
        let body = try await self.body(of: request, allowed: ["strategy", "percent", "capture", "note"],
                                       example: #"{"strategy": "canary", "percent": 10}"#)
        let strategyText = try body.string("strategy") ?? "direct"
        guard let strategy = DeploymentStrategy(rawValue: strategyText) else {
            throw ServingError.badRequest("`strategy` must be one of \(DeploymentStrategy.allCases.map(\.rawValue).joined(separator: ", ")), not `\(strategyText)`")
        }
        let deployment = NewDeployment(modelName: name, strategy: strategy, percent: try body.integer("percent"),
                                       capture: try body.integer("capture"), actor: Self.actor, note: try body.string("note"))
        let record = try storeCall { try store.deploy(deployment) }
        try server.state.refresh()
        return try JSONResponse.ok(DeploymentReply(model: name, deployment: record.summary))
    }

    func rollback(_ request: Request, model name: String) async throws -> Response {
        let store = try authorize(request)
        let body = try await self.body(of: request, allowed: ["note"], example: #"{"note": "why"}"#)
        let note = try body.string("note")
        let outcome = try storeCall { try store.rollbackDeployment(name, actor: Self.actor, note: note) }
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

    private func body(of request: Request, allowed: [String], example: String) async throws -> RouteBody {
        try RouteBody(try await server.body(of: request), contentType: request.headers[.contentType],
                      allowed: allowed, example: example)
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
