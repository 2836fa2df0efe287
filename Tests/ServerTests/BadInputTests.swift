import Hummingbird
import HummingbirdTesting
import Server
import Testing

private let columns = "\"columns\": [\"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", \"petal_width_cm\"]"
private let csvHeader = "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n"

/// One bad request: where it goes, what it sends, and the status and error text it must get.
struct BadRequest: Sendable, CustomTestStringConvertible {
    var name: String
    var method: HTTPRequest.Method = .post
    var uri = "/models/species/invocations"
    var contentType = "application/json"
    var body: String?
    var status: HTTPResponse.Status
    var error: [String]

    var testDescription: String { name }
}

let badRequests: [BadRequest] = [
    BadRequest(name: "malformed JSON", body: "{\"instances\": [1, }", status: .badRequest,
               error: ["malformed JSON", "character"]),
    BadRequest(name: "empty body", body: "", status: .badRequest, error: ["the body is empty"]),
    BadRequest(name: "not an object", body: "[1, 2]", status: .badRequest, error: ["must be a JSON object"]),
    BadRequest(name: "none of the three keys", body: "{\"rows\": []}", status: .badRequest,
               error: ["`dataframe_split`, `dataframe_records`, `instances`", "found `rows`"]),
    BadRequest(name: "missing feature columns", body: "{\"dataframe_records\": [{\"sepal_length_cm\": 5.1}]}",
               status: .badRequest,
               error: ["missing feature columns `sepal_width_cm`, `petal_length_cm`, `petal_width_cm`",
                       "the model expects sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm"]),
    BadRequest(name: "text for a numeric feature",
               body: "{\"dataframe_split\": {\(columns), \"data\": [[5.1, 3.5, 1.4, 0.2], [5.1, \"wide\", 1.4, 0.2]]}}",
               status: .badRequest, error: ["column `sepal_width_cm` at `dataframe_split.data[1]`: expected a number, got \"wide\""]),
    BadRequest(name: "a boolean for a numeric feature",
               body: "{\"instances\": [[5.1, 3.5, true, 0.2]]}",
               status: .badRequest, error: ["column `petal_length_cm` at `instances[0]`: expected a number, got true"]),
    BadRequest(name: "text for a numeric feature in CSV", contentType: "text/csv",
               body: csvHeader + "5.1,3.5,1.4,0.2\n5.1,abc,1.4,0.2\n",
               status: .badRequest, error: ["column `sepal_width_cm` at line 3: expected a number, got \"abc\""]),
    BadRequest(name: "an infinite number in CSV", contentType: "text/csv", body: csvHeader + "5.1,3.5,1.4,0.2\ninf,3.5,1.4,0.2\n",
               status: .badRequest, error: ["the CSV body:3:1: `inf` in numeric column `sepal_length_cm` is not a finite number"]),
    BadRequest(name: "inputs that overflow the model",
               body: "{\"dataframe_split\": {\(columns), \"data\": [[1e308, -1e308, 1e308, 1e308]]}}",
               status: .badRequest, error: ["`dataframe_split.data[0]`: the inputs overflow", "not a finite number"]),
    BadRequest(name: "a column named twice",
               body: "{\"dataframe_split\": {\"columns\": [\"sepal_length_cm\", \"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", "
                   + "\"petal_width_cm\"], \"data\": [[5.1, 5.1, 3.5, 1.4, 0.2]]}}",
               status: .badRequest, error: ["`dataframe_split.columns` names `sepal_length_cm` twice (columns[0] and columns[1])"]),
    BadRequest(name: "a column named twice in CSV", contentType: "text/csv",
               body: "sepal_length_cm,sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,5.1,3.5,1.4,0.2\n",
               status: .badRequest, error: ["duplicate column name `sepal_length_cm`"]),
    BadRequest(name: "a row of the wrong length",
               body: "{\"dataframe_split\": {\(columns), \"data\": [[5.1, 3.5, 1.4]]}}",
               status: .badRequest, error: ["`dataframe_split.data[0]` has 3 values for 4 columns"]),
    BadRequest(name: "an instance of the wrong length", body: "{\"instances\": [[5.1, 3.5, 1.4]]}", status: .badRequest,
               error: ["`instances[0]` has 3 values; the model expects 4 in this order: sepal_length_cm"]),
    BadRequest(name: "no rows", body: "{\"dataframe_records\": []}", status: .badRequest, error: ["no rows to score"]),
    BadRequest(name: "unknown model", uri: "/models/nope/invocations", body: "{\"instances\": []}", status: .notFound,
               error: ["no model `nope` is served", "species@1", "petals@1"]),
    BadRequest(name: "no default model among two", uri: "/invocations", body: "{\"instances\": []}", status: .badRequest,
               error: ["2 models are served", "/models/NAME/invocations"]),
    BadRequest(name: "unsupported content type", contentType: "application/xml", body: "<rows/>",
               status: .unsupportedMediaType, error: ["unsupported Content-Type `application/xml`"]),
    BadRequest(name: "wrong method", method: .get, uri: "/invocations", status: .methodNotAllowed,
               error: ["/invocations answers POST only, not GET"]),
    BadRequest(name: "unknown route", method: .get, uri: "/predict", status: .notFound, error: ["no route GET /predict"]),
]

@Suite("Bad input")
struct BadInputTests {
    @Test(arguments: badRequests)
    func badInputGetsA4xxNamingTheProblemAndTheServerStaysUp(_ request: BadRequest) async throws {
        let models = try productionModels()
        try await server(models).test(.router) { client in
            let reply = try await client.send(request.method, request.uri, request.body, contentType: request.contentType)
            #expect(reply.status == request.status, "\(reply.text)")
            for text in request.error { #expect(reply.error.contains(text), "\(reply.error)") }
            let ping = try await client.send(.get, "/ping")
            #expect(ping.status == .ok)
        }
    }

    @Test func aBodyOverTheLimitGets413() async throws {
        let models = try productionModels()
        let body = "{\"instances\": [" + Array(repeating: "[5.1, 3.5, 1.4, 0.2]", count: 20).joined(separator: ",") + "]}"
        try await server(models, maximumBodyBytes: 100).test(.router) { client in
            let reply = try await client.send(.post, "/models/species/invocations", body)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.error.contains("over the") && reply.error.contains("(100 bytes)"), "\(reply.error)")
        }
    }
}
