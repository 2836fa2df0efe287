import Foundation
import Language
import Learning
import Store

/// The model card of a registered version, as Markdown: what it is, what it learnt from (with hashes, back to
/// the files), how well it does, and every decision about it.
struct ModelCard {
    let lines: [Text]

    init(version: ModelVersionRecord, context: CommandContext) throws(Diagnostic) {
        let store = context.store
        let run = version.runID.flatMap { try? store.run(id: $0) }
        let events = (try? store.auditTrail(version.name))?.filter { $0.version == version.version } ?? []
        let evaluations = (try? store.runs(RunQuery(kind: .evaluate, artifactSHA256: version.artifactSHA256))) ?? []
        var lines: [Text] = ["# Model card: \(version.reference)", ""]
        lines += [
            "| field | value |", "|---|---|",
            "| approval | \(version.status.rawValue) |",
            "| stage | \(version.stage.rawValue) |",
            "| algorithm | \(version.algorithm) |",
            Text([.plain("| registered by | "), .volatile(shown: version.createdBy, recorded: "<who>"), .plain(" |")]),
            Text([.plain("| registered at | "), .volatile(shown: TrackingCommands.timestamp(version.createdAt), recorded: "<time>"), .plain(" |")]),
            "| artifact | sha256:\(version.artifactSHA256) |",
        ]
        if let run {
            lines.append("| made by | run \(run.id) (\(run.kind.rawValue)), \(TrackingCommands.origin(run)), mlw \(run.mlwVersion) |")
            if let seed = run.seed { lines.append("| seed | \(seed) |") }
        }
        lines += ["", "## Parameters", ""]
        if let run, !run.parameters.isEmpty {
            lines += run.parameters.keys.sorted().map { Text("- \($0) = \(run.parameters[$0]!)") }
        } else {
            lines.append("(not recorded)")
        }
        lines += ["", "## Data lineage", ""]
        if let run, !run.data.isEmpty {
            for data in run.data { lines += Self.lineage(of: data.sha256, label: data.role, store: store, depth: 0) }
        } else {
            lines.append("(not recorded)")
        }
        lines += ["", "## Metrics", "", "| data | kind | metrics |", "|---|---|---|"]
        for metricRun in ([run].compactMap { $0 } + evaluations) {
            let shown = metricRun.metrics.keys.sorted().filter { !$0.hasSuffix("_std") }
                .map { "\($0) \(Formatting.metric(metricRun.metrics[$0]!))" }.joined(separator: ", ")
            let data = metricRun.data.map { "\($0.role) (\($0.sha256.prefix(12)))" }.joined(separator: ", ")
            let kind = switch metricRun.kind {
            case .evaluate: "evaluation"
            case .train: "training"
            case .tune, .cv: "cross-validation mean"
            }
            lines.append("| \(data) | \(kind), run \(metricRun.id) | \(shown) |")
        }
        lines += ["", "## Approvals, stages and notes", "", "| # | action | stage | note | who | when |", "|---|---|---|---|---|---|"]
        for event in events {
            let stage = event.toStage.map { (event.fromStage.map { "\($0.rawValue) → " } ?? "") + $0.rawValue } ?? ""
            lines.append(Text([.plain("| \(event.id) | \(event.action.rawValue) | \(stage) | \(event.note ?? "") | "),
                               .volatile(shown: event.actor, recorded: "<who>"), .plain(" | "),
                               .volatile(shown: TrackingCommands.timestamp(event.at), recorded: "<time>"), .plain(" |")]))
        }
        self.lines = lines
    }

    /// `- train: sha256:… (800 rows × 5 columns, split 0.8 … of loans)` and its parents, indented, back to the files.
    private static func lineage(of sha256: String, label: String, store: Store, depth: Int) -> [Text] {
        let indent = String(repeating: "  ", count: depth)
        guard depth < 20, let version = try? store.datasetVersion(sha256: sha256) else {
            return [Text("\(indent)- \(label): sha256:\(sha256)")]
        }
        var lines = [Text("\(indent)- \(label): sha256:\(sha256) (\(Formatting.count(version.rows, "row")) × \(Formatting.count(version.columns, "column")), \(version.origin))")]
        for parent in version.parents { lines += lineage(of: parent, label: "from", store: store, depth: depth + 1) }
        return lines
    }
}
