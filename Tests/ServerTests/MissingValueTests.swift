import Engine
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// `voyage`: a classifier of titanic's class from age, sex and survived (a yes/no column).
private func titanicModel() throws -> [ServedModel] {
    let session = Session()
    let interpreter = Interpreter(session: session)
    for line in ["load titanic from \"\(packageRoot)/samples/data/titanic.csv\" target=class", "train lr = logistic on titanic",
                 "register lr as voyage", "approve voyage@1", "promote voyage@1 to production"] {
        guard case .ran(.ok) = interpreter.run(line: line, emit: { _ in }) else { throw FixtureError("`\(line)` failed") }
    }
    return try ServedModel.production(in: session.store)
}

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

    @Test func aJSONBooleanStandsForTheLevelOfAYesNoColumnAndNowhereElse() async throws {
        try await server(try titanicModel()).test(.router) { client in
            func reply(_ sex: String, _ survived: String) async throws -> Reply {
                try await client.send(.post, "/models/voyage/invocations",
                                      "{\"dataframe_records\": [{\"age\": \"adults\", \"sex\": \(sex), \"survived\": \(survived)}]}")
            }
            let asText = try await reply("\"man\"", "\"yes\"")
            let asBoolean = try await reply("\"man\"", "true")
            #expect(asBoolean.status == .ok && asBoolean.text == asText.text)
            let wrong = try await reply("true", "\"yes\"")
            #expect(wrong.status == .badRequest)
            #expect(wrong.error.contains("column `sex` at `dataframe_records[0]`: expected one of its levels (man, women), got true"), "\(wrong.error)")
        }
    }
}
