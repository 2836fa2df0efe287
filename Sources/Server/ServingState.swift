import Store
import Synchronization

/// The routes in force, shared by every request; refreshed from the store when a stage or deployment changes,
/// so `deploy`, `promote` and `rollback` take effect on a running server.
public final class ServingState: Sendable {
    private let routes: Mutex<[String: ModelRoute]>
    let store: Store?
    private let cache = ArtifactCache()
    private let seenMark = Mutex<Int64>(-1)

    /// Fixed models, each served directly (no store: nothing is captured, nothing can be deployed).
    public init(models: [ServedModel]) {
        store = nil
        routes = Mutex(Dictionary(models.map { ($0.name, ModelRoute(name: $0.name, strategy: .direct, production: $0, percent: 0, capture: 0)) },
                                  uniquingKeysWith: { first, _ in first }))
    }

    /// The store's deployed models, loaded now and followed from then on.
    public init(store: Store) throws {
        self.store = store
        routes = Mutex([:])
        try refresh(force: true)
    }

    /// Reloads the routes when the registry or a deployment changed since the last look (cheap otherwise).
    /// - Throws: `ServerStartError` when an artifact cannot be loaded; the routes in force stay.
    public func refresh(force: Bool = false) throws {
        guard let store else { return }
        let mark = try store.registryChangeMark()
        guard force || seenMark.withLock({ $0 != mark }) else { return }
        var fresh: [String: ModelRoute] = [:]
        for name in try store.registeredModelNames() {
            if let route = try route(for: name, in: store) { fresh[name] = route }
        }
        routes.withLock { current in
            for (name, route) in fresh {
                if let old = current[name], old.deploymentID == route.deploymentID,
                   old.production.version == route.production.version, old.candidate?.version == route.candidate?.version {
                    fresh[name]!.routed = old.routed
                }
            }
            current = fresh
        }
        seenMark.withLock { $0 = mark }
    }

    /// Refreshes twice a second until the task is cancelled; a failed refresh keeps the routes in force.
    public func follow(onError: @Sendable (any Error) -> Void = { _ in }) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            do { try refresh() } catch { onError(error) }
        }
    }

    private func route(for name: String, in store: Store) throws -> ModelRoute? {
        guard let production = try store.modelVersion(name, stage: .production) else { return nil }
        let deployment = try store.currentDeployment(name)
        var route = ModelRoute(name: name, deploymentID: deployment?.id, strategy: deployment?.strategy ?? .direct,
                               production: try cache.model(production, in: store), percent: deployment?.percent ?? 0,
                               capture: deployment?.capture ?? 100)
        guard let deployment, let other = deployment.candidateVersion,
              let record = try store.modelVersion(name, version: other) else { return route }
        switch deployment.strategy {
        case .canary where record.stage == .staging, .shadow where record.stage == .staging:
            route.candidate = try cache.model(record, in: store)
        case .bluegreen where other != production.version:
            route.standby = try cache.model(record, in: store)
        default:
            break
        }
        return route
    }

    /// Every route, by model name.
    var all: [ModelRoute] { routes.withLock { $0.values.sorted { $0.name < $1.name } } }

    /// Who answers the next request to `name` (counted in the route, in place), or nil for a model that is not served.
    func choose(_ name: String) -> RouteChoice? {
        routes.withLock { $0[name]?.next() }
    }

    /// Who answers the next request to the only model served, with its name; nil when not exactly one is.
    func chooseOnly() -> (String, RouteChoice)? {
        routes.withLock { routes in
            guard routes.count == 1, let name = routes.keys.first, let choice = routes[name]?.next() else { return nil }
            return (name, choice)
        }
    }

    /// `churn@2 (canary: 10 % to churn@3, 90 % to churn@2), petals@1 (direct)`
    public var summary: String {
        all.map { route in
            route.strategy == .direct ? "\(route.production.reference) (direct)"
                : "\(route.production.reference) (\(route.strategy.rawValue)"
                  + (route.candidate.map { " with \($0.reference)" } ?? "") + ")"
        }.joined(separator: ", ")
    }

    /// The names of the served models, sorted.
    var names: [String] { routes.withLock { $0.keys.sorted() } }
}
