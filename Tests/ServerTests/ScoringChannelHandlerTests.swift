import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
@testable import Server
import Synchronization
import Testing

private let row = "{\"dataframe_split\": {\"columns\": [\"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", \"petal_width_cm\"], "
    + "\"data\": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}}"

/// A connection whose pipeline holds only the scoring handler: what it passes on is read with `readInbound`,
/// what it answers with `readOutbound`.
private func connection(_ models: [ServedModel]) -> EmbeddedChannel {
    let server = ModelServer(models: models, mlwVersion: "test")
    return EmbeddedChannel(handler: ScoringChannelHandler(scoring: ScoringEndpoints(server: server)))
}

private func send(_ channel: EmbeddedChannel, _ path: String, _ body: String?, method: HTTPRequest.Method = .post,
                  contentType: String = "application/json", headers: HTTPFields = [:], length: Bool = true) throws {
    var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path, headerFields: headers)
    if let body {
        request.headerFields[.contentType] = contentType
        if length { request.headerFields[.contentLength] = String(body.utf8.count) }
    }
    try channel.writeInbound(HTTPRequestPart.head(request))
    if let body, !body.isEmpty { try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: body))) }
    try channel.writeInbound(HTTPRequestPart.end(nil))
}

/// The next answer the handler wrote, or nil.
private func answer(_ channel: EmbeddedChannel) throws -> (head: HTTPResponse, body: String)? {
    guard case .head(let head)? = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
    var body = ""
    while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
        switch part {
        case .body(let buffer): body += String(buffer: buffer)
        case .end: return (head, body)
        case .head: Issue.record("a second head before the end")
        }
    }
    Issue.record("no end after the head")
    return nil
}

/// The request parts passed on to Hummingbird: their method and path, one per request.
private func passedOn(_ channel: EmbeddedChannel) throws -> [String] {
    var requests: [String] = []
    while let part = try channel.readInbound(as: HTTPRequestPart.self) {
        if case .head(let request) = part { requests.append("\(request.method) \(request.path ?? "")") }
    }
    return requests
}

/// Counts the graceful shutdown's quiesce events that reach it, as Hummingbird's connection handler would get them.
private final class QuiesceCounter: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    let count = Mutex(0)

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent { count.withLock { $0 += 1 } }
        context.fireUserInboundEventTriggered(event)
    }
}

@Suite("Scoring in the channel pipeline")
struct ScoringChannelHandlerTests {
    @Test func aScoringRequestIsAnsweredInThePipelineAsTheRouterAnswersIt() async throws {
        let models = try productionModels()
        let channel = connection(models)
        try send(channel, "/models/species/invocations", row)
        #expect(try passedOn(channel).isEmpty)
        let (head, body) = try #require(try answer(channel))
        #expect(head.status == .ok)
        #expect(head.headerFields[.contentType] == "application/json")
        #expect(head.headerFields[.contentLength] == String(body.utf8.count))
        #expect(head.headerFields[.server] == "mlw")
        #expect(head.headerFields[.date]?.hasSuffix(" GMT") == true)
        try await server(models).test(.router) { client in
            let reply = try await client.send(.post, "/models/species/invocations", row)
            #expect(reply.text == body)
        }
    }

    @Test(arguments: badRequests.filter { $0.method == .post })
    func badInputGetsTheRoutersErrorFromThePipeline(_ request: BadRequest) async throws {
        let models = try productionModels()
        let channel = connection(models)
        try send(channel, request.uri, request.body ?? "", contentType: request.contentType)
        #expect(try passedOn(channel).isEmpty, "\(request.name)")
        let (head, body) = try #require(try answer(channel))
        try await server(models).test(.router) { client in
            let reply = try await client.send(.post, request.uri, request.body, contentType: request.contentType)
            #expect(head.status == reply.status, "\(request.name)")
            #expect(body == reply.text, "\(request.name)")
        }
    }

    @Test func otherRequestsPassOnAndTheAnswersKeepTheirOrder() throws {
        let channel = connection(try productionModels())
        try send(channel, "/ping", nil, method: .get)
        try send(channel, "/models/species/invocations", row)  // waits behind /ping: passed on too
        #expect(try passedOn(channel) == ["GET /ping", "POST /models/species/invocations"])
        #expect(try answer(channel) == nil)
        for _ in 0..<2 {  // Hummingbird answers both
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
        #expect(try answer(channel)?.head.status == .ok)
        #expect(try answer(channel)?.head.status == .ok)
        try send(channel, "/models/species/invocations", row)  // nothing pending: answered here
        #expect(try passedOn(channel).isEmpty)
        #expect(try answer(channel)?.head.status == .ok)
    }

    @Test func bodiesWithoutALengthOrTooLargeAndClosingConnectionsPassOn() throws {
        let channel = connection(try productionModels())
        let large = #"{"instances": ["# + Array(repeating: "[5.1, 3.5, 1.4, 0.2]", count: 60_000).joined(separator: ",") + "]}"
        try send(channel, "/models/species/invocations", row, length: false)
        try send(channel, "/models/species/invocations", large)
        try send(channel, "/models/species/invocations", row, headers: [.connection: "close"])
        try send(channel, "/models/species%2Fx/invocations", row)
        try send(channel, "/invocations?x=1", row)
        #expect(try passedOn(channel).count == 5)
        #expect(try answer(channel) == nil)
    }

    @Test func aGracefulShutdownWaitsForTheScoringRequestBeingRead() throws {
        let channel = connection(try productionModels())
        let counter = QuiesceCounter()
        try channel.pipeline.syncOperations.addHandler(counter)
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/models/species/invocations")
        request.headerFields[.contentLength] = String(row.utf8.count)
        try channel.writeInbound(HTTPRequestPart.head(request))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: String(row.prefix(40)))))
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(counter.count.withLock { $0 } == 0, "held back while the body is still coming")
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: String(row.dropFirst(40)))))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try answer(channel)?.head.status == .ok)
        #expect(counter.count.withLock { $0 } == 1, "passed on once the request is answered")
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(counter.count.withLock { $0 } == 2, "between requests it passes straight on")
    }
}
