import Engine
import Hummingbird
import Logging

/// The HTTP endpoint over the deployed models: MLflow-style scoring, status routes, Prometheus metrics,
/// and the mutating deploy and rollback routes (behind a bearer token when one is set).
public struct ModelServer: Sendable {
    /// Bodies above this size get 413.
    public static let defaultMaximumBodyBytes = 16 * 1024 * 1024
    /// The `Server` header's value.
    static let serverName = "mlw"

    public let state: ServingState
    let metrics: ServingMetrics
    let capture: CaptureRecorder?
    public let mlwVersion: String
    public let maximumBodyBytes: Int
    /// The bearer token the mutating routes require; nil leaves them open (the default bind is loopback only).
    public let token: String?

    /// A server over fixed models, each served directly; nothing is captured.
    public init(models: [ServedModel], mlwVersion: String, maximumBodyBytes: Int = ModelServer.defaultMaximumBodyBytes) {
        self.init(state: ServingState(models: models), mlwVersion: mlwVersion, token: nil, maximumBodyBytes: maximumBodyBytes)
    }

    /// A server that follows `state` (and, when it has a store, captures requests into it).
    /// - Parameter captureLimit: how many requests, or rows in them, data capture holds between drains.
    public init(state: ServingState, mlwVersion: String, token: String?,
                maximumBodyBytes: Int = ModelServer.defaultMaximumBodyBytes,
                captureLimit: CaptureLimit = .default) {
        self.state = state
        self.mlwVersion = mlwVersion
        self.token = token
        self.maximumBodyBytes = maximumBodyBytes
        let metrics = ServingMetrics()
        self.metrics = metrics
        capture = state.store.map { CaptureRecorder(store: $0, metrics: metrics, limit: captureLimit) }
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        let scoring = ScoringEndpoints(server: self)
        let deployments = DeploymentEndpoints(server: self)
        router.get("/ping") { _, _ in "ok" }
        router.get("/health") { _, _ in
            try JSONResponse.ok(HealthResponse(models: state.all.map { .init(name: $0.name, version: $0.production.version) }))
        }
        router.get("/version") { _, _ in try JSONResponse.ok(VersionResponse(version: mlwVersion)) }
        router.get("/models") { _, _ in try JSONResponse.ok(state.all.map(ModelDescription.init)) }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.post("/invocations") { request, _ in try await scoring.invoke(request, model: nil) }
        router.post("/models/:name/invocations") { request, context in
            try await scoring.invoke(request, model: context.parameters.get("name") ?? "")
        }
        router.post("/models/:name/deploy") { request, context in
            try await deployments.deploy(request, model: context.parameters.get("name") ?? "")
        }
        router.post("/models/:name/rollback") { request, context in
            try await deployments.rollback(request, model: context.parameters.get("name") ?? "")
        }
        return router
    }

    /// An application listening on `host:port` (port 0 picks a free one); `onRunning` gets the bound port.
    /// - Parameter quiet: log only critical problems (a session's endpoint, whose stop would log its cancellation).
    public func application(host: String, port: Int, quiet: Bool = false,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "mlw-serve")
        logger.logLevel = quiet ? .critical : .warning
        let scoring = ScoringEndpoints(server: self)
        return Application(
            router: router(),
            server: .http1(configuration: .init(additionalChannelHandlers: [ScoringChannelHandler(scoring: scoring)])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: Self.serverName),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// Serves on `host:port` until the process gets SIGINT or SIGTERM.
    public func run(host: String, port: Int, quiet: Bool = false,
                    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, quiet: quiet, onRunning: onRunning).runService()
    }

    /// Writes buffered captures and finishes shadow scoring.
    public func flushCaptures() throws { try capture?.flush() }

    /// What the endpoint saw for `model` since it started.
    public func traffic(_ model: String) -> EndpointTraffic? { metrics.traffic(model) }
}

extension ModelServer {
    /// The request body, refused with 413 past `maximumBodyBytes`.
    func body(of request: Request) async throws -> [UInt8] {
        let limit = maximumBodyBytes
        var tooLarge: ServingError { ServingError(.contentTooLarge, "the body is over the \(limit / (1024 * 1024)) MB limit (\(limit) bytes)") }
        let length = request.headers[.contentLength].flatMap { Int($0) }
        if let length, length > limit { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length ?? 0)
        for try await buffer in request.body {
            if bytes.count + buffer.readableBytes > limit { throw tooLarge }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }
}
