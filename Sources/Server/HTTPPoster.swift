import Engine
import NIOCore
import NIOHTTP1
import NIOPosix

/// POSTs bodies to an `http://HOST:PORT/PATH` URL over one keep-alive connection (SwiftNIO's HTTP/1.1 codec).
enum HTTPPoster {
    struct BadURL: Error, CustomStringConvertible {
        var url: String
        var description: String { "`\(url)` is not an http://HOST:PORT/PATH address" }
    }

    static func post(_ bodies: [[UInt8]], to url: String, contentType: String) async throws -> [HTTPReply] {
        let (host, port, path) = try parse(url)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var replies: [HTTPReply] = []
            var parts = inbound.makeAsyncIterator()
            for body in bodies {
                var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
                head.headers.add(name: "Host", value: "\(host):\(port)")
                head.headers.add(name: "Content-Type", value: contentType)
                head.headers.add(name: "Content-Length", value: String(body.count))
                try await outbound.write(.head(head))
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
                try await outbound.write(.end(nil))
                var reply = HTTPReply(status: 0, body: [])
                reading: while let part = try await parts.next() {
                    switch part {
                    case .head(let head): reply.status = Int(head.status.code)
                    case .body(let buffer): reply.body += buffer.readableBytesView
                    case .end: break reading
                    }
                }
                replies.append(reply)
            }
            return replies
        }
    }

    private static func parse(_ url: String) throws -> (String, Int, String) {
        guard url.hasPrefix("http://") else { throw BadURL(url: url) }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]) else { throw BadURL(url: url) }
        return (String(parts[0]), port, path.isEmpty ? "/" : String(path))
    }
}
