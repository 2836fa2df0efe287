import Language
import Store

/// Value paths read from the store and the endpoint, for `print`, `assert` and lesson checks:
///
/// - `credit@2.status`, `credit@production.version`, `.stage`, `.algorithm`, `.note` (a registered version);
/// - `credit.versions`, `credit.audit.rollback` (how many audit events of that action);
/// - `credit.deployment.strategy`, `.percent`, `.capture`, `.candidate` (`none` without one), `.production` (the deployment
///   in force; before any `deploy`, the implied one: direct to production, capturing 100 %);
/// - `credit.traffic.requests`, `.errors`, `.p50_ms`, `.p99_ms`, and `.production`, `.candidate`, `.shadow` (requests
///   each role answered or scored: what the running endpoint saw); `endpoint.running`;
/// - `credit.monitored`, `credit.batches`, `credit.alerts`, `credit.baseline.rows|data` (the baseline in force),
///   `credit.observed.rows|data` (the latest batch) (monitoring).
enum StoreFacts {
    static let versionFields = ["status", "stage", "version", "algorithm", "note"]

    /// The fact `path` names, nil when it names none; a store that cannot be read is an error.
    static func lookup(_ path: String, at range: SourceRange, in session: Session) throws(Diagnostic) -> SessionValue? {
        let store = session.store
        if path == "endpoint.running" { return .flag(session.endpoint?.baseURL != nil) }
        do {
            if let at = path.firstIndex(of: "@") {
                guard let dot = path[at...].firstIndex(of: ".") else { return nil }
                let field = String(path[path.index(after: dot)...])
                guard versionFields.contains(field),
                      let reference = try? RegistryReference.parse(String(path[..<dot]), at: range),
                      let version = try? reference.resolve(in: store, at: range) else { return nil }
                switch field {
                case "status": return .text(version.status.rawValue)
                case "stage": return .text(version.stage.rawValue)
                case "version": return .count(version.version)
                case "algorithm": return .text(version.algorithm)
                default: return .text(version.note ?? "")
                }
            }
            let parts = path.split(separator: ".").map(String.init)
            guard parts.count >= 2, try store.registeredModelNames().contains(parts[0]) else { return nil }
            let name = parts[0]
            switch (parts[1], parts.count) {
            case ("versions", 2):
                return .count(try store.modelVersions(name).count)
            case ("audit", 3):
                guard let action = AuditAction(rawValue: parts[2]) else { return nil }
                return .count(try store.auditTrail(name).filter { $0.action == action }.count)
            case ("deployment", 3):
                let recorded = try store.currentDeployment(name)
                guard let production = try recorded?.productionVersion ?? store.modelVersion(name, stage: .production)?.version else {
                    return nil
                }
                switch parts[2] {
                case "strategy": return .text(recorded?.strategy.rawValue ?? DeploymentStrategy.direct.rawValue)
                case "percent": return .count(recorded?.percent ?? 0)
                case "capture": return .count(recorded?.capture ?? 100)
                case "production": return .count(production)
                case "candidate": return recorded?.candidateVersion.map(SessionValue.count) ?? .text("none")
                default: return nil
                }
            case ("traffic", 3):
                guard let traffic = session.endpoint?.traffic(name) else { return nil }
                let answering = traffic.versions.filter { $0.role != "shadow" }
                switch parts[2] {
                case "requests": return .count(answering.reduce(0) { $0 + $1.requests })
                case "errors": return .count(answering.reduce(0) { $0 + $1.errors })
                case "p50_ms": return answering.compactMap(\.p50).max().map { .metric($0 * 1000) }
                case "p99_ms": return answering.compactMap(\.p99).max().map { .metric($0 * 1000) }
                case "production", "candidate", "shadow":
                    return .count(traffic.versions.filter { $0.role == parts[2] }.reduce(0) { $0 + $1.requests })
                default: return nil
                }
            case ("monitored", 2):
                return .flag(try store.currentBaseline(name) != nil)
            case ("batches", 2):
                return .count(try store.batches(name).count)
            case ("baseline", 3), ("observed", 3):
                // The baseline in force, or the latest batch: how many rows, from which data.
                let described = parts[1] == "baseline"
                    ? try store.currentBaseline(name).map { (rows: $0.rows, data: $0.datasetLabel) }
                    : try store.batches(name).last.map { (rows: $0.rows, data: $0.datasetLabel) }
                guard let described else { return nil }
                switch parts[2] {
                case "rows": return .count(described.rows)
                case "data": return .text(described.data)
                default: return nil
                }
            case ("alerts", 2):
                return .count(try store.alertRules(name).count)
            default:
                return nil
            }
        } catch {
            throw Diagnostic("cannot read the store for `\(path)`: \(error)", at: range)
        }
    }

    /// Paths worth suggesting for "did you mean": a few facts of each registered model.
    static func examples(in session: Session) -> [String] {
        let names = (try? session.store.registeredModelNames()) ?? []
        return names.flatMap { name in
            ["\(name).versions", "\(name)@production.version", "\(name)@latest.status", "\(name)@latest.stage",
             "\(name).deployment.strategy", "\(name).traffic.requests", "\(name).traffic.p99_ms", "\(name).batches"]
        }
    }
}
