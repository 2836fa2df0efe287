import Hummingbird

/// A request the server refuses: the HTTP status and a message naming the problem, sent as `{"error": "..."}`.
struct ServingError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> ServingError { ServingError(.badRequest, message) }
}
