import Foundation
import Language
import Learning
import Store

/// `runs` and `run`: the experiment log.
enum TrackingCommands {
    static func runs(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        var query = RunQuery()
        query.algorithm = try context.command.slot("ALGO") == nil ? nil : context.algorithm().rawValue
        query.kind = try context.string("kind").flatMap(RunKind.init(rawValue:))
        query.limit = try context.integer("limit")
        let by = try context.string("by")
        if let by { query.order = .metric(by, descending: !MetricDirection.lowerIsBetter.contains(by)) }
        if let filter = try context.option("where"), let text = filter.value.text {
            query.predicate = try RunFilter.parse(text, at: filter.range)
        }
        var runs: [RunRecord]
        do {
            runs = try context.store.runs(query)
        } catch {
            throw Diagnostic("cannot list runs: \(error)", at: context.command.option("where")?.valueRange ?? context.command.range)
        }
        guard !runs.isEmpty else {
            let total = (try? context.store.runCount()) ?? 0
            context.say(total == 0 ? "no runs yet: train, evaluate, cv and tune log a run each" : "no runs match (of \(Formatting.count(total, "run")) logged)")
            return .ok
        }
        if let by, !runs.contains(where: { $0.metrics[by] != nil }) {
            throw Diagnostic("no listed run has the metric `\(by)`", at: context.command.option("by")?.valueRange,
                             hint: Suggestion.hint(for: by, in: Array(Set(runs.flatMap(\.metrics.keys))))
                                ?? "metrics: " + Set(runs.flatMap(\.metrics.keys)).sorted().joined(separator: ", "))
        }
        // Best first by a metric lists the runs that have it (the store puts the others last).
        let withoutMetric = by.map { by in runs.filter { $0.metrics[by] == nil }.count } ?? 0
        if let by { runs.removeAll { $0.metrics[by] == nil } }
        let metricNames = shownMetrics(runs, first: by)
        let rows = runs.map { run -> [String] in
            let id = String(run.id) + (run.parentRunID.map { " ↳\($0)" } ?? "")
            let data = run.data.map { "\($0.role) \($0.sha256.prefix(8))" }.joined(separator: ", ")
            var cells: [String] = [id, run.kind.rawValue, run.algorithm, run.modelName ?? "", data, parameterSummary(run)]
            for name in metricNames { cells.append(run.metrics[name].map(Formatting.metric) ?? "") }
            cells.append(origin(run))
            return cells
        }
        context.emit(.table(Table(columns: [.init("run"), .init("kind"), .init("algorithm"), .init("model"), .init("data"),
                                            .init("params")] + metricNames.map { .init($0, .right) } + [.init("made by")],
                                  rows: rows)))
        let total = (try? context.store.runCount()) ?? runs.count
        context.say("\(Formatting.count(runs.count, "run")) of \(total)" + (by.map { ", best \($0) first" } ?? ", newest first")
                    + (withoutMetric > 0 ? by.map { "; runs without \($0) left out" } ?? "" : ""))
        return .ok
    }

    static func run(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let run = try record(context)
        let title = "run \(run.id): \(run.kind.rawValue) \(run.algorithm)"
            + (run.modelName.map { run.kind == .evaluate ? " of \($0)" : " → model \($0)" } ?? "")
        context.say(Text(title))
        var lines: [(String, Text)] = []
        lines.append(("params", Text(run.parameters.isEmpty ? "(defaults)" : run.parameters.keys.sorted().map { "\($0)=\(run.parameters[$0]!)" }.joined(separator: " "))))
        if let seed = run.seed { lines.append(("seed", Text(String(seed)))) }
        for data in run.data {
            let version = try? context.store.datasetVersion(sha256: data.sha256)
            let rows = version.map { " (\(Formatting.count($0.rows, "row")) × \(Formatting.count($0.columns, "column")), \($0.origin))" } ?? ""
            lines.append(("data", Text("\(data.role) sha256:\(data.sha256)\(rows)")))
        }
        if !run.metrics.isEmpty {
            lines.append(("metrics", Text(run.metrics.keys.sorted().map { "\($0) \(Formatting.metric(run.metrics[$0]!))" }.joined(separator: ", "))))
        }
        if let artifact = run.artifactSHA256 { lines.append(("artifact", Text("sha256:\(artifact)"))) }
        if let parent = run.parentRunID { lines.append(("parent", Text("run \(parent)"))) }
        if !run.childRunIDs.isEmpty {
            lines.append(("children", Text("\(Formatting.count(run.childRunIDs.count, "run")): \(idRanges(run.childRunIDs))")))
        }
        lines.append(("made by", Text("\(origin(run)) with mlw \(run.mlwVersion)")))
        lines.append(("took", Text([Formatting.duration(run.durationSeconds)])))
        lines.append(("at", Text([.volatile(shown: timestamp(run.createdAt), recorded: "<time>")])))
        for (label, text) in lines { context.say(Text("  " + label.padded(to: 9)) + text) }
        return .ok
    }

    /// The run named in the RUN slot: a number, or `last` (this session's newest run, else the store's).
    static func record(_ context: CommandContext) throws(Diagnostic) -> RunRecord {
        guard let slot = context.command.slot("RUN") else { throw Diagnostic("`\(context.command.name)` needs a run number", at: context.command.range) }
        let value = try context.resolve(slot.value, at: slot.range)
        let id: Int64
        if let number = value.numberValue, number == number.rounded(), number >= 1, number < 9e15 {
            id = Int64(number)
        } else if value.text == "last" {
            guard let last = context.session.lastRunID ?? (try? context.store.runs(RunQuery(limit: 1)))?.first?.id else {
                throw Diagnostic("no runs yet", at: slot.range, hint: "train, evaluate, cv and tune log a run each")
            }
            id = last
        } else {
            throw Diagnostic("expected a run number or `last`, got \(value.kindName) `\(value)`", at: slot.range, hint: "`runs` lists them")
        }
        let found: RunRecord?
        do {
            found = try context.store.run(id: id)
        } catch {
            throw Diagnostic("cannot read run \(id): \(error)", at: slot.range)
        }
        guard let found else {
            let total = (try? context.store.runCount()) ?? 0
            throw Diagnostic("no run \(id)", at: slot.range, hint: total == 0 ? "no runs are logged yet" : "`runs` lists the \(Formatting.count(total, "run")) logged")
        }
        return found
    }

    /// The metric columns of a listing: `first`, then the metrics most runs have, at most three in all.
    private static func shownMetrics(_ runs: [RunRecord], first: String?) -> [String] {
        var counts: [String: Int] = [:]
        for run in runs { for name in run.metrics.keys where !name.hasSuffix("_std") { counts[name, default: 0] += 1 } }
        let preferred = ["accuracy", "f1", "roc_auc", "r2", "rmse", "mae"]
        let ranked = counts.keys.sorted { a, b in
            if counts[a]! != counts[b]! { return counts[a]! > counts[b]! }
            let ia = preferred.firstIndex(of: a) ?? preferred.count, ib = preferred.firstIndex(of: b) ?? preferred.count
            return ia != ib ? ia < ib : a < b
        }
        var names = first.map { [$0] } ?? []
        for name in ranked where !names.contains(name) && names.count < 3 { names.append(name) }
        return names
    }

    private static func parameterSummary(_ run: RunRecord) -> String {
        let text = run.parameters.keys.sorted().map { "\($0)=\(run.parameters[$0]!)" }.joined(separator: " ")
        return text.count > 36 ? String(text.prefix(35)) + "…" : text
    }

    /// `quickstart.mlw:12`, or `REPL` when the run came from no file.
    static func origin(_ run: RunRecord) -> String {
        guard let file = run.sessionFile else { return "REPL" }
        return (file as NSString).lastPathComponent + (run.sessionLine.map { ":\($0)" } ?? "")
    }

    /// `4-9, 12`
    static func idRanges(_ ids: [Int64]) -> String {
        var parts: [String] = []
        var index = 0
        while index < ids.count {
            var end = index
            while end + 1 < ids.count, ids[end + 1] == ids[end] + 1 { end += 1 }
            parts.append(end > index ? "\(ids[index])-\(ids[end])" : "\(ids[index])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
