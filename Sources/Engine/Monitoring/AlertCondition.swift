import Language
import Store

/// The condition of `alert NAME when EXPR then ...`: comparisons of NAME's monitoring values after an
/// `observe`, joined by `and` / `or` (the grammar of `runs where=`), e.g.
/// `drift.share >= 0.5 or quality.r2 < 0.6 or detector.detected`.
///
/// Fields are read relative to NAME (`drift.share` is `NAME.drift.share`; the `NAME.` prefix may be
/// written too). A flag alone (`drift.detected`) means `drift.detected == true`. A value the latest batch
/// does not have (`quality.*` without the target) makes its comparison false.
struct AlertCondition {
    static let fields = "drift.share, drift.detected, drift.FEATURE.score|pvalue|detected, quality.METRIC, violations, "
        + "detector.detected, detector.position"
    static let roots: Set<String> = ["drift", "quality", "violations", "detector"]

    let text: String
    let predicate: RunPredicate
    let model: String

    /// The names a condition may read: the model's features (and `prediction`) and its task's metrics.
    struct Vocabulary {
        let features: [String]
        let metrics: [String]
    }

    /// A stored rule is parsed without `vocabulary`: it was checked when it was recorded.
    /// - Throws: `Diagnostic` for a condition that does not parse or reads an unknown value.
    init(_ written: String, model: String, vocabulary: Vocabulary? = nil, at range: SourceRange?) throws(Diagnostic) {
        let text = Self.withImplicitFlags(written, model: model)
        do {
            predicate = try RunFilter.parse(text, at: range)
        } catch {
            throw Self.inAlertTerms(error)
        }
        self.text = written
        self.model = model
        for field in Self.fieldNames(predicate) {
            let relative = Self.relative(field, model: model)
            guard let root = relative.split(separator: ".").first.map(String.init), Self.roots.contains(root) else {
                let metric = vocabulary.flatMap { Suggestion.nearest(to: relative, in: $0.metrics) }
                throw Diagnostic("`\(field)` is not a monitoring value of \(model)", at: range,
                                 hint: (metric.map { "did you mean `quality.\($0)`? " } ?? "") + "an alert reads " + Self.fields)
            }
            if let vocabulary { try Self.check(relative, written: field, model: model, vocabulary, at: range) }
        }
    }

    /// A filter error whose example reads `where="X"` (the form `runs` takes), rewritten as `when X`.
    private static func inAlertTerms(_ error: Diagnostic) -> Diagnostic {
        guard let hint = error.hint, let start = hint.range(of: "where=\""),
              let end = hint[start.upperBound...].firstIndex(of: "\"") else { return error }
        var rewritten = error
        rewritten.hint = hint.replacingCharacters(in: start.lowerBound...end, with: "when " + hint[start.upperBound..<end])
        return rewritten
    }

    /// Checks one field, relative to the model, against what an `observe` of it sets.
    private static func check(_ field: String, written: String, model: String, _ vocabulary: Vocabulary,
                              at range: SourceRange?) throws(Diagnostic) {
        let parts = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func unknown(_ what: String, _ known: [String], near word: String) -> Diagnostic {
            Diagnostic("`\(written)` is not a monitoring value of \(model): \(what)", at: range,
                       hint: Suggestion.hint(for: word, in: known) ?? "it has " + known.joined(separator: ", "))
        }
        switch parts[0] {
        case "drift":
            if parts.count == 2 {
                guard ["share", "detected"].contains(parts[1]) else {
                    throw unknown("drift has share, detected and a part per feature",
                                  ["drift.share", "drift.detected"] + vocabulary.features.map { "drift.\($0).score" }, near: field)
                }
                return
            }
            guard parts.count == 3 else { throw unknown("write drift.share, drift.detected or drift.FEATURE.score", ["drift.share"], near: field) }
            guard vocabulary.features.contains(parts[1]) else {
                throw unknown("no feature `\(parts[1])`", vocabulary.features.map { "drift.\($0).\(parts[2])" }, near: field)
            }
            let parts3 = ["score", "pvalue", "method", "detected"]
            guard parts3.contains(parts[2]) else {
                throw unknown("a feature's drift has \(parts3.joined(separator: ", "))", parts3.map { "drift.\(parts[1]).\($0)" }, near: field)
            }
        case "quality":
            guard parts.count == 2, vocabulary.metrics.contains(parts[1]) else {
                throw unknown("quality has the metrics of the model's task", vocabulary.metrics.map { "quality." + $0 },
                              near: field)
            }
        case "violations":
            guard parts.count == 1 else { throw unknown("violations is a count", ["violations"], near: field) }
        default:  // detector
            guard parts.count == 2, ["detected", "position"].contains(parts[1]) else {
                throw unknown("a detector has detected and position", ["detector.detected", "detector.position"], near: field)
            }
        }
    }

    /// The metric of the first `quality.METRIC` the condition reads.
    var qualityMetric: String? {
        Self.fieldNames(predicate).map { Self.relative($0, model: model) }
            .first { $0.hasPrefix("quality.") }.map { String($0.dropFirst("quality.".count)) }
    }

    func holds(in values: [String: SessionValue]) -> Bool { evaluate(predicate, values) }

    /// The values the condition read, as `drift.share 0.8000, quality.r2 0.4123`.
    func readings(in values: [String: SessionValue]) -> String {
        var seen: [String] = []
        for field in Self.fieldNames(predicate) where !seen.contains(field) { seen.append(field) }
        return seen.map { field in
            "\(field) " + (values[Self.absolute(field, model: model)]?.description ?? "(none)")
        }.joined(separator: ", ")
    }

    private func evaluate(_ predicate: RunPredicate, _ values: [String: SessionValue]) -> Bool {
        switch predicate {
        case .and(let a, let b): return evaluate(a, values) && evaluate(b, values)
        case .or(let a, let b): return evaluate(a, values) || evaluate(b, values)
        case .compare(let field, let op, let expected):
            guard let value = values[Self.absolute(field, model: model)] else { return false }
            switch (value, expected) {
            case (.flag(let flag), .text(let word)) where word == "true" || word == "false":
                return op.holds(flag ? 1 : 0, word == "true" ? 1 : 0)
            case (_, .number(let number)):
                guard let actual = value.number else { return false }
                return op.holds(actual, number)
            case (.text(let actual), .text(let word)):
                return op.holds(actual, word)
            default:
                return false
            }
        }
    }

    private static func fieldNames(_ predicate: RunPredicate) -> [String] {
        switch predicate {
        case .and(let a, let b), .or(let a, let b): fieldNames(a) + fieldNames(b)
        case .compare(let field, _, _): [field]
        }
    }

    static func relative(_ field: String, model: String) -> String {
        field.hasPrefix(model + ".") ? String(field.dropFirst(model.count + 1)) : field
    }

    static func absolute(_ field: String, model: String) -> String { model + "." + relative(field, model: model) }

    /// `drift.detected and ...` read as `drift.detected == true and ...`.
    static func withImplicitFlags(_ text: String, model: String) -> String {
        let words = text.split(separator: " ").map(String.init)
        let joiners: Set<String> = ["and", "or", "AND", "OR", "&&", "||"]
        var out: [String] = []
        for (index, word) in words.enumerated() {
            out.append(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            let isFlag = relative(word, model: model).hasSuffix(".detected")
            if isFlag, next == nil || joiners.contains(next!) { out += ["==", "true"] }
        }
        return out.joined(separator: " ")
    }
}
