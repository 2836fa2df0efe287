import Hummingbird
import Logging

/// The HTTP endpoint over a fixed set of loaded models: MLflow-style scoring plus status routes.
public struct ModelServer: Sendable {
    /// Bodies above this size get 413.
    public static let defaultMaximumBodyBytes = 16 * 1024 * 1024

    public let models: [ServedModel]
    public let mlwVersion: String
    public let maximumBodyBytes: Int

    public init(models: [ServedModel], mlwVersion: String, maximumBodyBytes: Int = ModelServer.defaultMaximumBodyBytes) {
        self.models = models
        self.mlwVersion = mlwVersion
        self.maximumBodyBytes = maximumBodyBytes
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        let endpoints = ScoringEndpoints(server: self)
        router.get("/ping") { _, _ in "ok" }
        router.get("/health") { _, _ in
            try JSONResponse.ok(HealthResponse(models: models.map { .init(name: $0.name, version: $0.version) }))
        }
        router.get("/version") { _, _ in try JSONResponse.ok(VersionResponse(version: mlwVersion)) }
        router.get("/models") { _, _ in try JSONResponse.ok(models.map(ModelDescription.init)) }
        router.post("/invocations") { request, _ in
            try await endpoints.invoke(request, model: endpoints.onlyModel())
        }
        router.post("/models/:name/invocations") { request, context in
            try await endpoints.invoke(request, model: endpoints.model(named: context.parameters.get("name") ?? ""))
        }
        return router
    }

    /// An application listening on `host:port` (port 0 picks a free one); `onRunning` gets the bound port.
    public func application(host: String, port: Int,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "mlw-serve")
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "mlw"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// Serves on `host:port` until the process gets SIGINT or SIGTERM.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }
}
