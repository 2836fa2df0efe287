import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Learning
import Server

/// The repository's root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let irisPath = packageRoot + "/samples/data/iris.csv"
let irisFeatures = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]

/// Two models trained on iris through mlw commands, registered and promoted in a temporary store,
/// then loaded the way `mlw serve` loads them: `species` (logistic, a classifier) and
/// `petals` (linear, predicting petal_width_cm from the other columns, species among them).
func productionModels() throws -> [ServedModel] {
    let session = Session()
    let interpreter = Interpreter(session: session)
    let lines = [
        "load iris from \"\(irisPath)\" target=species",
        "train lr = logistic on iris",
        "register lr as species", "approve species@1", "promote species@1 to production",
        "load widths from \"\(irisPath)\" target=petal_width_cm",
        "train reg = linear on widths",
        "register reg as petals", "approve petals@1", "promote petals@1 to production",
    ]
    for line in lines {
        var messages: [String] = []
        let result = interpreter.run(line: line) { messages += $0.lines(recorded: true) }
        guard case .ran(.ok) = result else { throw FixtureError("`\(line)` failed: \(messages)") }
    }
    return try ServedModel.production(in: session.store)
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The iris rows as text, header first.
func irisLines() throws -> [[String]] {
    try String(contentsOfFile: irisPath, encoding: .utf8).split(whereSeparator: \.isNewline).map {
        $0.split(separator: ",").map(String.init)
    }
}

/// What Learning predicts for every iris row, as the server should answer.
func learningPredictions(_ served: ServedModel) throws -> Predictions {
    try served.model.predict(CSVReader.read(path: irisPath).frame)
}

func server(_ models: [ServedModel], maximumBodyBytes: Int = ModelServer.defaultMaximumBodyBytes) -> some ApplicationProtocol {
    ModelServer(models: models, mlwVersion: SessionFile.version, maximumBodyBytes: maximumBodyBytes)
        .application(host: "127.0.0.1", port: 0)
}

/// A response's status and its body decoded as JSON (nil when it is not JSON).
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var text: String
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var error: String { object["error"] as? String ?? "<no error in \(text)>" }
}

extension TestClientProtocol {
    func send(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil,
              contentType: String = "application/json") async throws -> Reply {
        try await execute(uri: uri, method: method, headers: body == nil ? [:] : [.contentType: contentType],
                          body: body.map { ByteBuffer(string: $0) }) { response in
            Reply(status: response.status, text: String(buffer: response.body))
        }
    }
}
