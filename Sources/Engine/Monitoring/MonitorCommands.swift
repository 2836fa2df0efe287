import Foundation
import Language
import Learning
import Store

/// `monitor NAME baseline=DATA` and `observe NAME with DATA`: baselines of a registered model and the
/// production batches checked against them.
enum MonitorCommands {
    static func monitor(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (version, range) = try context.monitoredVersion("NAME")
        guard let option = context.command.option("baseline") else {
            throw Diagnostic("`monitor` needs baseline=DATA", at: context.command.range, hint: "monitor \(version.name) baseline=train")
        }
        let data = try DataCommands.dataset(Located(option.value, option.valueRange), context)
        let model = try context.registeredModel(version, at: range)
        let baseline: MonitorBaseline
        let bytes: Data
        do {
            baseline = try MonitorBaseline(model: model.model, data: data.frame)
            bytes = try baseline.jsonData()
        } catch let error as LearningError {
            throw Diagnostic("cannot make a baseline of \(version.reference) from \(data.name): \(error.message)", at: option.valueRange)
        } catch {
            throw context.storeFailure(error, doing: "encode the baseline")
        }
        do {
            try context.store.recordBaseline(model: version.name, version: version.version, baseline: bytes,
                                             datasetSHA256: data.version, datasetLabel: data.name,
                                             rows: data.frame.rowCount, actor: context.session.actor)
        } catch {
            throw context.storeFailure(error, doing: "record the baseline")
        }
        context.say("monitoring \(version.reference) (\(version.stage.rawValue)) against baseline \(data.name): "
                    + "\(Formatting.count(baseline.rows, "row")), \(Formatting.count(baseline.features.count, "feature")) and the predictions")
        context.emit(.table(MonitorTables.profiles(baseline.features + [baseline.prediction])))
        context.say("constraints: every feature present with its type; completeness at most 1 point below the baseline's; "
                    + "no unseen category; numbers within the range ±10 %")
        return .ok
    }

    static func observe(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (name, baselineRecord, baseline, range) = try context.monitoredBaseline("NAME")
        let version = try context.servingVersion(name, baseline: baselineRecord, at: range)
        let model = try context.registeredModel(version, at: range)
        var captures: [Int64] = []
        let batch: Dataset
        if context.namesCaptured("DATA") {
            (batch, captures) = try context.capturedDataset(model: name, target: model.model.target)
        } else {
            batch = try context.batchDataset("DATA", target: model.model.target)
        }
        let method = try context.string("method").flatMap(DriftMethod.init(rawValue:))
        let detectorName = try context.string("detector").flatMap(ConceptDriftDetectorName.init(rawValue:))
        let report: BatchReport
        do {
            report = try BatchReport(baseline: baseline, model: model.model, batch: batch.frame, method: method)
        } catch {
            throw Diagnostic("cannot observe \(batch.name): \(error.message)", at: context.command.slot("DATA")?.range)
        }
        var verdict: ObservedBatch.DetectorVerdict?
        var notRun: ConceptDriftDetectorName?
        if let detectorName {
            if !report.predicted, batch.frame.column(named: model.model.target) != nil {
                notRun = detectorName
            } else {
                verdict = try detect(detectorName, report: report, baselineID: baselineRecord.id, model: name,
                                     task: model.model.task, context: context)
            }
        }
        let observed = ObservedBatch(report: report, detector: verdict, detectorNotRun: notRun, recipe: batch.recipe,
                                     target: model.model.target)
        let record: MonitorBatchRecord
        do {
            let errors = report.errors.isEmpty ? nil : try JSONEncoder().encode(report.errors)
            record = try context.store.recordBatch(NewMonitorBatch(
                modelName: name, version: version.version, baselineID: baselineRecord.id, datasetSHA256: batch.version,
                datasetLabel: batch.name, rows: report.rows, hasTarget: !report.metrics.isEmpty,
                driftShare: report.driftShare, driftDetected: report.driftDetected, violations: report.violations.count,
                report: observed.json, errors: errors, metrics: report.metrics, observedBy: context.session.actor),
                consuming: captures)
        } catch {
            throw context.storeFailure(error, doing: "record the batch")
        }
        MonitorValues.set(observed, model: name, batch: record.number, in: context.session)
        context.say("observed \(version.reference) with \(batch.name) (batch \(record.number)): "
                    + "\(Formatting.count(report.rows, "row"))" + (batch.frame.column(named: model.model.target) == nil ? ", no target" : ", with the target \(model.model.target)"))
        MonitorTables.render(observed, batchLabel: batch.name, context: context)
        for reason in Explanations.drift(report, chosen: method != nil) { context.explain(reason) }
        try ContinuousTraining.fireAlerts(context, model: name, batch: batch, batchNumber: record.number)
        return .ok
    }

    /// Runs the detector over the error stream of every batch since the baseline, this one last.
    private static func detect(_ name: ConceptDriftDetectorName, report: BatchReport, baselineID: Int64, model: String,
                               task: LearningTask, context: CommandContext) throws(Diagnostic) -> ObservedBatch.DetectorVerdict {
        let range = context.command.option("detector")?.valueRange
        guard !report.errors.isEmpty else {
            throw Diagnostic("\(name.displayName) reads the model's errors, and this batch has no target to know them", at: range,
                             hint: "observe a batch with the target column, or leave detector= out")
        }
        if name.readsErrors, !task.isClassification {
            throw Diagnostic("\(name.displayName) reads right/wrong errors (0/1) of a classifier; this model is a regression", at: range,
                             hint: "detector=adwin or detector=pagehinkley read its absolute errors")
        }
        var stream: [Double] = []
        do {
            for batch in try context.store.batches(model) where batch.baselineID == baselineID {
                guard let hash = batch.errorsSHA256 else { continue }
                stream += try JSONDecoder().decode([Double].self, from: try context.store.object(sha256: hash))
            }
        } catch {
            throw context.storeFailure(error, doing: "read the error stream of the earlier batches")
        }
        let offset = stream.count
        stream += report.errors
        let positions: [Int]
        do {
            positions = try conceptDriftPositions(in: stream, detector: name.makeDetector())
        } catch {
            throw Diagnostic("\(name.displayName) cannot read the error stream: \(error.message)", at: range)
        }
        return ObservedBatch.DetectorVerdict(detector: name, positions: positions, offset: offset, streamLength: stream.count)
    }
}

extension CommandContext {
    /// A registered model's version named in a slot: NAME@N as written, or NAME's production version.
    func monitoredVersion(_ slot: String) throws(Diagnostic) -> (ModelVersionRecord, SourceRange) {
        let located = try text(slot)
        let reference = try RegistryReference.parse(located.value, at: located.range)
            ?? RegistryReference(name: located.value, selector: .stage(.production), text: located.value + "@production")
        return (try reference.resolve(in: store, at: located.range), located.range)
    }

    /// The monitored model named in a slot (a bare name, or NAME@N whose name counts) and its current baseline.
    func monitoredBaseline(_ slot: String) throws(Diagnostic)
        -> (name: String, record: MonitorBaselineRecord, baseline: MonitorBaseline, range: SourceRange) {
        let located = try text(slot)
        let name = String(located.value.split(separator: "@", maxSplits: 1).first ?? "")
        let record: MonitorBaselineRecord?
        do {
            record = try store.currentBaseline(name)
        } catch {
            throw storeFailure(error, doing: "read the baseline of \(name)")
        }
        guard let record else {
            _ = try RegistryReference(name: name, selector: .latest, text: name).resolve(in: store, at: located.range)
            throw Diagnostic("\(name) is not monitored yet", at: located.range,
                             hint: "record a baseline first: monitor \(name) baseline=DATA")
        }
        do {
            let baseline = try MonitorBaseline(jsonData: try store.object(sha256: record.baselineSHA256))
            return (name, record, baseline, located.range)
        } catch {
            throw Diagnostic("cannot load the baseline of \(name): \(error)", at: located.range,
                             hint: "record it again: monitor \(name) baseline=DATA")
        }
    }

    /// The version that answers for `name` now: NAME@N as written, else production, else the baseline's.
    func servingVersion(_ name: String, baseline: MonitorBaselineRecord, at range: SourceRange) throws(Diagnostic) -> ModelVersionRecord {
        let written = command.slot("NAME")?.value.text ?? name
        if let reference = try RegistryReference.parse(written, at: range) { return try reference.resolve(in: store, at: range) }
        do {
            if let production = try store.modelVersion(name, stage: .production) { return production }
            if let version = try store.modelVersion(name, version: baseline.version) { return version }
        } catch {
            throw storeFailure(error, doing: "read the registry")
        }
        throw Diagnostic("\(name) has no version to observe", at: range)
    }

    /// A registered version as a session model.
    func registeredModel(_ version: ModelVersionRecord, at range: SourceRange?) throws(Diagnostic) -> SessionModel {
        try registeredModel(RegistryReference(name: version.name, selector: .version(version.version), text: version.reference),
                            at: range)
    }

    /// A batch named in a slot; a file is read without insisting on the target, which a production batch may lack.
    func batchDataset(_ slot: String, target: String) throws(Diagnostic) -> Dataset {
        guard let located = command.slot(slot) else { throw Diagnostic("`\(command.name)` needs \(slot)", at: command.range) }
        var dataset = try DataCommands.dataset(located, self)
        if dataset.frame.target == nil, dataset.frame.column(named: target) != nil {
            dataset.frame.target = target
            if case .file(let sha256, let separator, nil, _) = dataset.recipe {
                dataset.recipe = .file(sha256: sha256, separator: separator, target: target)
            }
        }
        return dataset
    }
}
