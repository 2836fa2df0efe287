import Engine
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Status endpoints")
struct StatusEndpointTests {
    @Test func pingHealthVersionAndModelsDescribeWhatIsServed() async throws {
        let models = try productionModels()
        try await server(models).test(.router) { client in
            let ping = try await client.send(.get, "/ping")
            #expect(ping.status == .ok && ping.text == "ok")

            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok && health.object["status"] as? String == "ok")
            let loaded = (health.object["models"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "")@\($0["version"] ?? "")" }
            #expect(loaded.sorted() == ["petals@1", "species@1"])

            let version = try await client.send(.get, "/version")
            #expect(version.status == .ok && version.object["version"] as? String == SessionFile.version)

            let listing = try await client.send(.get, "/models")
            let entries = try #require(listing.json as? [[String: Any]])
            let species = try #require(entries.first { $0["name"] as? String == "species" })
            #expect(species["version"] as? Int == 1 && species["algorithm"] as? String == "logistic")
            #expect(species["task"] as? String == "classification" && species["target"] as? String == "species")
            #expect(species["features"] as? [String] == irisFeatures)
            #expect(species["classes"] as? [String] == ["setosa", "versicolor", "virginica"])
            let petals = try #require(entries.first { $0["name"] as? String == "petals" })
            #expect(petals["task"] as? String == "regression" && petals["target"] as? String == "petal_width_cm")
        }
    }

    @Test func theServerReallyListensOnAPort() async throws {
        let models = try productionModels()
        try await server(models).test(.live) { client in
            let ping = try await client.send(.get, "/ping")
            #expect(ping.status == .ok && ping.text == "ok")
            let csv = "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n"
            let reply = try await client.send(.post, "/models/species/invocations", csv, contentType: "text/csv")
            #expect(reply.status == .ok && reply.object["predictions"] as? [String] == ["setosa"], "\(reply.text)")
        }
    }
}
