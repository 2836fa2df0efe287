import Language
import Learning
import Store

/// `drift NAME` and `quality NAME`: what the store holds of a monitored model's batches.
enum MonitorReports {
    static func drift(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (name, _, _, range) = try context.monitoredBaseline("NAME")
        let batches = try context.batches(of: name)
        guard let latest = batches.last else {
            throw Diagnostic("\(name) has no observed batch yet", at: range, hint: "observe \(name) with DATA")
        }
        let observed = try context.observed(latest, at: range)
        MonitorValues.set(observed, model: name, batch: latest.number, in: context.session)
        context.say("drift of \(name)@\(latest.version) on \(latest.datasetLabel) (batch \(latest.number) of \(batches.count), "
                    + "\(Formatting.count(latest.rows, "row")))")
        MonitorTables.render(observed, batchLabel: latest.datasetLabel, context: context)
        return .ok
    }

    static func quality(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (name, _, baseline, range) = try context.monitoredBaseline("NAME")
        let batches = try context.batches(of: name)
        guard !batches.isEmpty else {
            throw Diagnostic("\(name) has no observed batch yet", at: range, hint: "observe \(name) with DATA")
        }
        let metric = try MetricDirection.metric(context, task: baseline.task)
        let scores = batches.compactMap { $0.metrics[metric] }
        let top = max(scores.map(abs).max() ?? 1, 1e-12)
        let scoreBars = batches.map { batch in batch.metrics[metric].map { CellChart.bar(value: max(0, $0), top: top, width: 20) } }
        let driftBars = batches.map { CellChart.bar(value: $0.driftShare, top: 1, width: 10) }
        var rows: [[String]] = []
        for (index, batch) in batches.enumerated() {
            let noScore = try batch.metrics[metric] == nil ? whyNoScore(batch, metric: metric, context: context, at: range) : ""
            rows.append(["\(batch.number)", batch.datasetLabel, "@\(batch.version)", String(batch.rows),
                    batch.metrics[metric].map(Formatting.metric) ?? "-", scoreBars[index]?.text ?? noScore,
                    Formatting.metric(batch.driftShare), driftBars[index].text, String(batch.violations)])
        }
        context.say("quality of \(name) per observed batch: \(metric)\(MetricDirection.lowerIsBetter.contains(metric) ? " (lower is better)" : "") and drift share")
        context.emit(.table(Table(columns: [.init("batch", .right), .init("data"), .init("version"), .init("rows", .right),
                                            .init(metric, .right), .init(""), .init("drift share", .right), .init(""),
                                            .init("violations", .right)], rows: rows, charts: [5: scoreBars, 7: driftBars])))
        if let first = scores.first, let last = scores.last, scores.count > 1 {
            let better = MetricDirection.isBetter(last, than: first, metric: metric)
            context.say("\(metric) went from \(Formatting.metric(first)) to \(Formatting.metric(last)) "
                        + (last == first ? "(unchanged)" : better ? "(better)" : "(worse by \(Formatting.metric(abs(last - first))))"))
        }
        return .ok
    }

    /// Why a batch has no score: not predicted (and why), no target, or not this metric.
    private static func whyNoScore(_ batch: MonitorBatchRecord, metric: String, context: CommandContext,
                                   at range: SourceRange) throws(Diagnostic) -> String {
        let observed = try context.observed(batch, at: range)
        if let reason = observed.report.unpredictableReason { return "not predicted: \(reason)" }
        return batch.metrics.isEmpty ? "no target" : "no \(metric)"
    }
}

extension CommandContext {
    func batches(of model: String) throws(Diagnostic) -> [MonitorBatchRecord] {
        do {
            return try store.batches(model)
        } catch {
            throw storeFailure(error, doing: "read the batches of \(model)")
        }
    }

    func observed(_ batch: MonitorBatchRecord, at range: SourceRange?) throws(Diagnostic) -> ObservedBatch {
        do {
            return try ObservedBatch(json: batch.report)
        } catch {
            throw Diagnostic("cannot read the report of batch \(batch.number) of \(batch.modelName): \(error)", at: range)
        }
    }
}
