import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Missing values in a scoring body")
struct MissingValueTests {
    /// `petals` takes species, a categorical feature: each spelling of a missing value must predict as null does.
    @Test(arguments: ["\"NA\"", "\"?\"", "\"N/A\"", "\"\""])
    func aMissingSpellingInJSONIsMissingAsInCSV(_ spelling: String) async throws {
        try await server(try productionModels()).test(.router) { client in
            func predicted(_ species: String) async throws -> String {
                let body = "{\"dataframe_split\": {\"columns\": [\"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", \"species\"], "
                    + "\"data\": [[5.1, 3.5, 1.4, \(species)]]}}"
                let reply = try await client.send(.post, "/models/petals/invocations", body)
                #expect(reply.status == .ok, "\(reply.text)")
                return "\(reply.object["predictions"] ?? "")"
            }
            let csv = try await client.send(.post, "/models/petals/invocations",
                                            "sepal_length_cm,sepal_width_cm,petal_length_cm,species\n5.1,3.5,1.4,NA\n", contentType: "text/csv")
            #expect(try await predicted(spelling) == "\(csv.object["predictions"] ?? "")")
            #expect(try await predicted(spelling) == (try await predicted("null")))
        }
    }
}
