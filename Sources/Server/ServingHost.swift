import Dispatch
import Engine
import Foundation
import Store
import Synchronization

/// The endpoint a REPL or replayed session starts with `serve`: the real HTTP server on a background task,
/// following the session's store; `send` and `traffic` talk to it over loopback.
public final class ServingHost: EndpointHost, @unchecked Sendable {
    private var server: ModelServer?
    private var tasks: [Task<Void, Never>] = []
    public private(set) var baseURL: String?
    private let token: String?

    public init(token: String? = ProcessInfo.processInfo.environment["MLW_TOKEN"]) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    public func start(host: String, port: Int, store: Store) throws -> Int {
        if let baseURL { throw ServerStartError("the endpoint is already serving on \(baseURL)") }
        let server = ModelServer(state: try ServingState(store: store), mlwVersion: SessionFile.version, token: token)
        let bound = Mutex<Result<Int, any Error>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let serving = Task.detached {
            do {
                try await server.run(host: host, port: port, quiet: true) { port in
                    bound.withLock { $0 = .success(port) }
                    ready.signal()
                }
            } catch {
                let first = bound.withLock { result in
                    defer { if result == nil { result = .failure(error) } }
                    return result == nil
                }
                if first { ready.signal() }
            }
        }
        let following = Task.detached { await server.state.follow() }
        tasks = [serving, following]
        ready.wait()
        let port = try bound.withLock { $0! }.get()
        self.server = server
        baseURL = "http://\(host):\(port)"
        return port
    }

    public func refresh() throws { try server?.state.refresh() }

    public func flush() throws { try server?.flushCaptures() }

    public func post(_ bodies: [[UInt8]], to url: String, contentType: String) throws -> [HTTPReply] {
        let outcome = Mutex<Result<[HTTPReply], any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let replies = try await HTTPPoster.post(bodies, to: url, contentType: contentType)
                outcome.withLock { $0 = .success(replies) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }

    public func traffic(_ model: String) -> EndpointTraffic? { server?.traffic(model) }

    public func stop() {
        try? flush()
        for task in tasks { task.cancel() }
        tasks = []
        server = nil
        baseURL = nil
    }

    deinit { for task in tasks { task.cancel() } }
}
