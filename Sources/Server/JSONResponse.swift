import Foundation
import Hummingbird

/// JSON response bodies.
enum JSONResponse {
    static func ok(_ value: some Encodable) throws -> Response {
        response(.ok, try encoder.encode(value))
    }

    /// A body already written as JSON text.
    static func ok(json: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }

    /// A body already written as JSON, in UTF-8.
    static func ok(utf8 json: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        var response = ok(json: errorJSON(message))
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }

    /// `{"error": "..."}`
    static func errorJSON(_ message: String) -> String {
        String(decoding: (try? encoder.encode(ErrorResponse(error: message))) ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func response(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
