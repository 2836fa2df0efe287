import Foundation
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers scoring requests (`POST /invocations`, `POST /models/NAME/invocations`) right in the connection's channel
/// pipeline, on its event loop, after Hummingbird's HTTP codec and before Hummingbird's router: the same
/// `ScoringEndpoints` route, score and answer them (errors included, as the same JSON), without the hops between the
/// event loop and Swift concurrency's tasks that the router's path costs, several times the scoring of a row.
///
/// Everything else passes on to Hummingbird untouched: other routes and methods, a body with no `Content-Length`
/// or one over `largestBody` (or the server's limit, which Hummingbird refuses with 413), `Connection` other than
/// keep-alive, requests while the connection has no room for more answers, and any request arriving while an
/// earlier one on the connection is still with Hummingbird, so that the answers keep the order of the requests.
final class ScoringChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Bodies past this size go to Hummingbird, not to be scored in one go on the event loop.
    static let largestBody = 1 << 20

    private let scoring: ScoringEndpoints
    private let largestBody: Int
    /// The scoring request being read: its route's model name (nil: `/invocations`), Content-Type and start.
    private var reading: (model: String?, contentType: String?, started: ContinuousClock.Instant)?
    private var body: ByteBuffer?
    /// Requests passed on to Hummingbird and not yet answered.
    private var withHummingbird = 0
    private var unflushed = false
    /// A graceful shutdown's quiesce event that came while a scoring request was being read, passed on once it is
    /// answered: Hummingbird, which does not see the request, would close the connection before the answer.
    private var quiesceWhenAnswered = false
    private var date = HTTPDate()

    init(scoring: ScoringEndpoints) {
        self.scoring = scoring
        largestBody = min(Self.largestBody, scoring.server.maximumBodyBytes)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            // A client that sends and does not read its answers fills the channel: Hummingbird waits for room.
            if withHummingbird == 0, context.channel.isWritable, let (model, contentType) = scoringRoute(request) {
                reading = (model, contentType, .now)
                body = nil
            } else {
                withHummingbird += 1
                context.fireChannelRead(data)
            }
        case .body(var buffer) where reading != nil:
            if body == nil { body = buffer } else { body!.writeBuffer(&buffer) }
        case .end where reading != nil:
            let (model, contentType, started) = reading!
            reading = nil
            answer(context: context, model: model, contentType: contentType, started: started)
            if quiesceWhenAnswered {
                quiesceWhenAnswered = false
                unflushed = false
                context.flush()
                context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
            }
        case .body, .end:
            context.fireChannelRead(data)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, reading != nil {
            quiesceWhenAnswered = true
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { withHummingbird -= 1 }
        context.write(data, promise: promise)
    }

    /// The model of a scoring request to answer here (nil for `/invocations`) and its Content-Type; nil for a
    /// request to pass on.
    private func scoringRoute(_ request: HTTPRequest) -> (model: String?, contentType: String?)? {
        guard request.method == .post, let path = request.path else { return nil }
        var length: Int?
        var contentType: String?
        for field in request.headerFields {  // one pass: looking each up would index all the fields first
            switch field.name {
            case .contentLength: length = Int(field.value)
            case .contentType where contentType == nil: contentType = field.value
            case .contentType: return nil  // twice: Hummingbird's reading of the two
            case .connection where field.value.lowercased() != "keep-alive": return nil
            case .transferEncoding: return nil
            default: break
            }
        }
        guard let length, length <= largestBody else { return nil }
        if path == "/invocations" { return (nil, contentType) }
        let prefix = "/models/", suffix = "/invocations"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.utf8.count > prefix.utf8.count + suffix.utf8.count else { return nil }
        let name = path.dropFirst(prefix.count).dropLast(suffix.count)
        guard !name.contains(where: { $0 == "/" || $0 == "%" || $0 == "?" || $0 == "#" }) else { return nil }
        return (String(name), contentType)
    }

    private func answer(context: ChannelHandlerContext, model: String?, contentType: String?, started: ContinuousClock.Instant) {
        let bytes = body.map { Array($0.readableBytesView) } ?? []
        body = nil
        let status: HTTPResponse.Status
        let buffer: ByteBuffer
        do throws(ServingError) {
            buffer = context.channel.allocator.buffer(bytes: try scoring.answer(bytes, contentType: contentType, model: model,
                                                                                 started: started))
            status = .ok
        } catch {
            buffer = context.channel.allocator.buffer(string: JSONResponse.errorJSON(error.message))
            status = error.status
        }
        var head = HTTPResponse(status: status)
        head.headerFields = [.contentType: "application/json", .contentLength: String(buffer.readableBytes),
                             .date: date.now, .server: ModelServer.serverName]
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(buffer)), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        unflushed = true
    }
}

/// The `Date` header's value (RFC 9110: `Sun, 06 Nov 1994 08:49:37 GMT`), formatted once a second.
private struct HTTPDate {
    private var second: time_t = 0
    private var text = ""

    var now: String {
        mutating get {
            var seconds = time(nil)
            guard seconds != second else { return text }
            var parts = tm()
            gmtime_r(&seconds, &parts)
            var characters = [CChar](repeating: 0, count: 40)
            let count = strftime(&characters, characters.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
            second = seconds
            text = String(decoding: characters[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return text
        }
    }
}
