import Language
import Learning

/// Resolves dotted value paths for `print`, `assert` and lesson checks: stored metrics (`lr.test.accuracy`),
/// dataset facts (`iris.rows`), model facts (`lr.algorithm`, `rf.param.trees`), and facts of the store:
/// registered versions (`credit@2.stage`), deployments, the endpoint's traffic and monitoring.
enum ValuePaths {
    static let datasetFacts = ["rows", "columns", "version", "target", "parent", "lineage"]
    static let modelFacts = ["algorithm", "data", "task", "seed"]

    static func lookup(_ path: String, at range: SourceRange, in session: Session) throws(Diagnostic) -> SessionValue {
        if let value = session.values[path] { return value }
        if let fact = sessionFact(path, in: session) { return fact }
        if let fact = try StoreFacts.lookup(path, at: range, in: session) { return fact }
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 1, let parameter = session.parameters[path] { return SessionValue(parameter) }
        var known = Array(session.values.keys)
        for name in session.datasetOrder { known += datasetFacts.map { "\(name).\($0)" } }
        for name in session.modelOrder { known += modelFacts.map { "\(name).\($0)" } }
        known += StoreFacts.examples(in: session)
        if path.hasSuffix(".pvalue"), case .text(let method)? = session.values[String(path.dropLast("pvalue".count)) + "method"] {
            throw Diagnostic("unknown value `\(path)`", at: range,
                             hint: "that feature was compared by \(method), a distance with a score but no p-value; read "
                                + String(path.dropLast("pvalue".count)) + "score")
        }
        let hint = Suggestion.hint(for: path, in: known) ?? missingFamily(path) ?? nearestPrefix(of: path, in: known)
            ?? (path.split(separator: ".").count == 3 ? "metrics exist after `evaluate MODEL on DATA`" : "a value path reads MODEL.DATA.METRIC, e.g. lr.test.accuracy")
        throw Diagnostic("unknown value `\(path)`", at: range, hint: hint)
    }

    /// What sets a monitoring value that does not exist yet: `NAME.quality.METRIC` and `NAME.detector.*`.
    private static func missingFamily(_ path: String) -> String? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 3 else { return nil }
        switch parts[1] {
        case "quality":
            return "quality values come from an observed batch that holds the target: `observe \(parts[0]) with DATA`"
        case "detector":
            return "detector values come from `observe \(parts[0]) with DATA detector=ddm` (or eddm, adwin, pagehinkley) "
                + "on a batch that holds the target"
        default:
            return nil
        }
    }

    /// The longest part of `path` that some known value starts with, and what follows it there:
    /// `clf.drift.x1 has: detected, method, score`.
    private static func nearestPrefix(of path: String, in known: [String]) -> String? {
        var parts = path.split(separator: ".").map(String.init)
        while parts.count > 1 {
            parts.removeLast()
            let prefix = parts.joined(separator: ".") + "."
            let next = Set(known.filter { $0.hasPrefix(prefix) }.compactMap {
                $0.dropFirst(prefix.count).split(separator: ".").first.map(String.init)
            }).sorted()
            if !next.isEmpty {
                return "\(prefix.dropLast()) has: " + next.prefix(15).joined(separator: ", ") + (next.count > 15 ? ", …" : "")
            }
        }
        return nil
    }

    /// How a value that differs from run to run is recorded, so that `--check` compares it equal: latencies as `<ms>`
    /// (as `traffic` records them); nil for a value recorded as shown.
    static func recordedForm(of path: String) -> String? {
        path.hasSuffix(".traffic.p50_ms") || path.hasSuffix(".traffic.p99_ms") ? "<ms>" : nil
    }

    /// Facts of the session's datasets and models.
    private static func sessionFact(_ path: String, in session: Session) -> SessionValue? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if let dataset = session.datasets[parts[0]] {
            switch parts[1] {
            case "rows": return .count(dataset.frame.rowCount)
            case "columns": return .count(dataset.frame.columns.count)
            case "version": return .text(dataset.version)
            case "target": return .text(dataset.frame.target ?? "")
            case "lineage": return .text(dataset.lineage)
            case "parent":
                if case .derived(let parents, _) = dataset.origin { return .text(parents.joined(separator: ", ")) }
                return .text("")
            default: break
            }
        }
        if let model = session.models[parts[0]] {
            switch parts[1] {
            case "algorithm": return .text(model.model.algorithm.rawValue)
            case "data": return .text(model.trainedOn)
            case "task": return .text(model.model.task.isClassification ? "classification" : "regression")
            case "seed": return .count(Int(model.model.seed))
            default:
                guard parts[1].hasPrefix("param.") else { break }
                let name = String(parts[1].dropFirst("param.".count))
                let value = model.model.parameters[name]
                    ?? model.model.algorithm.parameters.first { $0.name == name }?.defaultValue
                switch value {
                case .int(let number)?: return .count(number)
                case .double(let number)?: return .metric(number)
                case .bool(let flag)?: return .flag(flag)
                case .string(let text)?: return .text(text)
                case nil: break
                }
            }
        }
        return nil
    }
}
