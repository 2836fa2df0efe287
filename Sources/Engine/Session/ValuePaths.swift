import Language

/// Resolves dotted value paths for `print` and `assert`: stored metrics (`lr.test.accuracy`),
/// dataset facts (`iris.rows`, `iris.columns`, `iris.version`) and model facts (`lr.algorithm`).
enum ValuePaths {
    static func lookup(_ path: String, at range: SourceRange, in session: Session) throws(Diagnostic) -> SessionValue {
        if let value = session.values[path] { return value }
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            if let dataset = session.datasets[parts[0]] {
                switch parts[1] {
                case "rows": return .count(dataset.frame.rowCount)
                case "columns": return .count(dataset.frame.columns.count)
                case "version": return .text(dataset.version)
                case "target": return .text(dataset.frame.target ?? "")
                default: break
                }
            }
            if let model = session.models[parts[0]] {
                switch parts[1] {
                case "algorithm": return .text(model.model.algorithm.rawValue)
                case "data": return .text(model.trainedOn)
                default: break
                }
            }
        }
        if parts.count == 1, let parameter = session.parameters[path] { return SessionValue(parameter) }
        var known = Array(session.values.keys)
        for name in session.datasetOrder { known += ["rows", "columns", "version", "target"].map { "\(name).\($0)" } }
        for name in session.modelOrder { known += ["\(name).algorithm", "\(name).data"] }
        if path.hasSuffix(".pvalue"), case .text(let method)? = session.values[String(path.dropLast("pvalue".count)) + "method"] {
            throw Diagnostic("unknown value `\(path)`", at: range,
                             hint: "that feature was compared by \(method), a distance with a score but no p-value; read "
                                + String(path.dropLast("pvalue".count)) + "score")
        }
        let hint = Suggestion.hint(for: path, in: known)
            ?? (path.split(separator: ".").count == 3 ? "metrics exist after `evaluate MODEL on DATA`" : "a value path reads MODEL.DATA.METRIC, e.g. lr.test.accuracy")
        throw Diagnostic("unknown value `\(path)`", at: range, hint: hint)
    }
}
