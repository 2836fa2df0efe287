import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// species@1 (logistic) in production and species@2 (a forest) in staging, trained on iris in a temporary store.
private func deployableStore() throws -> (Session, Store) {
    let session = Session()
    let interpreter = Interpreter(session: session)
    for line in [
        "load iris from \"\(irisPath)\" target=species",
        "train lr = logistic on iris", "train rf = forest on iris trees=10 seed=1",
        "register lr as species", "register rf as species", "approve species@1", "approve species@2",
        "promote species@1 to production", "promote species@2 to staging",
    ] {
        var messages: [String] = []
        guard case .ran(.ok) = interpreter.run(line: line, emit: { messages += $0.lines(recorded: true) }) else {
            throw FixtureError("`\(line)` failed: \(messages)")
        }
    }
    return (session, session.store)
}

private func deploy(_ store: Store, _ strategy: DeploymentStrategy, percent: Int? = nil, capture: Int? = nil) throws {
    try store.deploy(NewDeployment(modelName: "species", strategy: strategy, percent: percent, capture: capture, actor: "test"))
}

private let row = "{\"dataframe_split\": {\"columns\": [\"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", \"petal_width_cm\", \"species\"], "
    + "\"data\": [[5.1, 3.5, 1.4, 0.2, \"setosa\"], [6.7, 3.0, 5.2, 2.3, \"virginica\"]]}}"

/// The versions that answered `count` scoring requests, in order.
private func versions(_ client: some TestClientProtocol, _ count: Int) async throws -> [Int] {
    var answered: [Int] = []
    for _ in 0..<count {
        let reply = try await client.send(.post, "/models/species/invocations", row)
        answered.append(reply.object["version"] as? Int ?? -1)
    }
    return answered
}

@Suite("Deployment strategies on a running server")
struct DeploymentRoutingTests {
    @Test func aCanaryGivesTheCandidateExactlyItsShare() async throws {
        let (session, store) = try deployableStore()
        try deploy(store, .canary, percent: 10)
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: nil)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let answered = try await versions(client, 100)
            #expect(answered.filter { $0 == 2 }.count == 10 && answered.filter { $0 == 1 }.count == 90)
            let listing = try await client.send(.get, "/models")
            let entry = try #require((listing.json as? [[String: Any]])?.first)
            #expect(entry["strategy"] as? String == "canary")
            #expect((entry["traffic"] as? [[String: Int]]) == [["version": 1, "percent": 90], ["version": 2, "percent": 10]])
        }
        _ = session
    }

    @Test func aDeploymentFromAnotherProcessTakesEffectWithoutARestart() async throws {
        let (session, store) = try deployableStore()
        let state = try ServingState(store: store)
        let server = ModelServer(state: state, mlwVersion: "test", token: nil)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            #expect(try await versions(client, 3) == [1, 1, 1])
            let other = try Store.open(directory: store.directory)
            try deploy(other, .bluegreen)
            try state.refresh()
            #expect(try await versions(client, 3) == [2, 2, 2])
            _ = try other.rollbackDeployment("species", actor: "test")
            try state.refresh()
            #expect(try await versions(client, 2) == [1, 1])
        }
        _ = session
    }

    @Test func aShadowScoresCopiesAndTheCapturesKeepBothPredictions() async throws {
        let (session, store) = try deployableStore()
        try deploy(store, .shadow, percent: 100)
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: nil)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            #expect(try await versions(client, 4) == [1, 1, 1, 1])
            try server.flushCaptures()
            let captures = try store.pendingCaptures("species")
            #expect(captures.reduce(0) { $0 + $1.capture.rows.count } == 8)
            let first = try #require(captures.first?.capture)
            #expect(first.version == 1 && first.shadowVersion == 2)
            #expect(first.columns == irisFeatures + ["species"] && first.rows[1] == ["6.7", "3", "5.2", "2.3", "virginica"])
            #expect(first.predictions.count == first.rows.count && first.shadowPredictions?.count == first.rows.count)
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.text.contains("mlw_shadow_rows_total{model=\"species\",version=\"2\",agrees=\"true\"}"))
            #expect(server.traffic("species")?.shadowRows == 8)
        }
        _ = session
    }

    @Test(arguments: [(0, 0), (50, 5), (100, 10)])
    func captureStoresItsShareOfRequests(_ percent: Int, _ requests: Int) async throws {
        let (session, store) = try deployableStore()
        try deploy(store, .direct, capture: percent)
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: nil)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            _ = try await versions(client, 10)
            try server.flushCaptures()
            #expect(try store.pendingCaptures("species").reduce(0) { $0 + $1.capture.rows.count } == 2 * requests)
        }
        _ = session
    }

    /// Two-row requests against a capture buffer of 3 requests or 5 rows, drained only by `flushCaptures`.
    @Test(arguments: [(CaptureLimit(requests: 3, rows: 100, drainInterval: 3600), 2),
                      (CaptureLimit(requests: 100, rows: 5, drainInterval: 3600), 3)])
    func aFullCaptureBufferDropsAndCountsRequestsYetAnswersThem(_ limit: CaptureLimit, _ dropped: Int) async throws {
        let (session, store) = try deployableStore()
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: nil, captureLimit: limit)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            #expect(try await versions(client, 5) == [1, 1, 1, 1, 1])
            #expect(try await client.send(.get, "/metrics").text.contains("mlw_captures_dropped_total \(dropped)\n"))
            try server.flushCaptures()
            let stored = { try store.pendingCaptures("species").reduce(0) { $0 + $1.capture.rows.count } }
            #expect(try stored() == 2 * (5 - dropped))
            _ = try await versions(client, 1)  // a drain makes room again
            try server.flushCaptures()
            #expect(try stored() == 2 * (6 - dropped))
        }
        _ = session
    }

    @Test func metricsCountRequestsErrorsLatencyAndClasses() async throws {
        let (session, store) = try deployableStore()
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: nil)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            _ = try await versions(client, 3)
            let bad = try await client.send(.post, "/models/species/invocations", "{\"instances\": [[1, 2]]}")
            #expect(bad.status == .badRequest)
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("mlw_requests_total{model=\"species\",version=\"1\",role=\"production\"} 3"))
            #expect(metrics.text.contains("mlw_request_errors_total{model=\"species\",version=\"1\",status=\"400\"} 1"))
            #expect(metrics.text.contains("mlw_request_duration_seconds_count{model=\"species\",version=\"1\"} 3"))
            #expect(metrics.text.contains("mlw_predictions_total{model=\"species\",version=\"1\",class=\"setosa\"} 3"))
        }
        _ = session
    }

    @Test func theMutatingRoutesNeedTheBearerToken() async throws {
        let (session, store) = try deployableStore()
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: "s3cret")
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let canary = "{\"strategy\": \"canary\", \"percent\": 50}"
            let missing = try await client.send(.post, "/models/species/deploy", canary)
            #expect(missing.status == .unauthorized && missing.error.contains("Authorization: Bearer"))
            let wrong = try await client.execute(uri: "/models/species/rollback", method: .post,
                                                 headers: [.authorization: "Bearer guess"]) { $0.status }
            #expect(wrong == .unauthorized)
            #expect(try store.currentDeployment("species") == nil)
            let allowed = try await client.execute(uri: "/models/species/deploy", method: .post,
                                                   headers: [.authorization: "Bearer s3cret", .contentType: "application/json"],
                                                   body: ByteBuffer(string: canary)) { ($0.status, String(buffer: $0.body)) }
            #expect(allowed.0 == .ok && allowed.1.contains("canary: 50 % to species@2"))
            #expect(try await versions(client, 4) == [1, 2, 1, 2])
            let bad = try await client.execute(uri: "/models/species/deploy", method: .post,
                                               headers: [.authorization: "Bearer s3cret"],
                                               body: ByteBuffer(string: "{\"strategy\": \"sideways\"}")) { ($0.status, String(buffer: $0.body)) }
            #expect(bad.0 == .badRequest && bad.1.contains("`strategy` must be one of direct, canary, bluegreen, shadow"))
        }
        _ = session
    }

    @Test(arguments: [
        (#"{"strategy": "bluegreen", "percent": 50}"#, "application/json", 400, "percent applies to the canary and shadow strategies, not bluegreen"),
        (#"{"strategy": "direct", "percent": 30}"#, "application/json", 400, "percent applies to the canary and shadow strategies, not direct"),
        (#"{"strategy": "canary", "pct": 30}"#, "application/json", 400, "unknown field `pct`; this route takes `strategy`, `percent`, `capture`, `note`"),
        (#"{"strategy": "canary", "percent": 12.5}"#, "application/json", 400, "`percent` must be a whole number, not 12.5"),
        (#"{"strategy": "canary", "percent": "10"}"#, "application/json", 400, "`percent` must be a whole number, not \"10\""),
        (#"{"strategy": "canary", "percent": 100}"#, "application/json", 400, "a canary's percent must be from 1 to 99"),
        (#"{"strategy": "canary"#, "application/json", 400, "the body is not valid JSON"),
        (#"["canary"]"#, "application/json", 400, "the body must be a JSON object"),
        (#"{"strategy": "canary"}"#, "text/plain", 415, "unsupported Content-Type `text/plain`"),
    ])
    func theDeployRouteRefusesWhatTheDeployCommandRefuses(_ body: String, _ contentType: String, _ status: Int, _ message: String) async throws {
        let (session, store) = try deployableStore()
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: "test", token: nil)
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let reply = try await client.send(.post, "/models/species/deploy", body, contentType: contentType)
            #expect(reply.status.code == status && reply.error.contains(message), "\(reply.error)")
        }
        #expect(try store.currentDeployment("species") == nil)
        _ = session
    }

    @Test func aServerOfFixedModelsHasNothingToDeploy() async throws {
        try await server(try productionModels()).test(.router) { client in
            let reply = try await client.send(.post, "/models/species/deploy", "{}")
            #expect(reply.status == .conflict && reply.error.contains("no store"))
            let ping = try await client.send(.get, "/ping")
            #expect(ping.status == .ok)
        }
    }
}
