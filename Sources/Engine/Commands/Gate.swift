import Foundation
import Language
import Learning
import Store

/// A promotion gate, `gate="METRIC on DATA"`: the candidate must be at least as good as production on DATA;
/// continuous training asks more, that it beats production (`mustBeat`), so a tie changes nothing.
struct Gate {
    var passed: Bool
    var summary: String
    /// The evaluations the gate made, to log as runs once the promotion is made.
    var evaluations: [NewRun] = []

    static func evaluate(_ gate: Located<Value>, candidate: ModelVersionRecord, production: ModelVersionRecord?,
                         context: CommandContext) throws(Diagnostic) -> Gate {
        let text = gate.value.text ?? ""
        let parts = text.components(separatedBy: " on ").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw Diagnostic("a gate reads \"METRIC on DATA\", got \"\(text)\"", at: gate.range, hint: "gate=\"f1 on test\"")
        }
        let metric = parts[0]
        let dataName = parts[1]
        guard let data = context.session.datasets[dataName] else {
            throw Diagnostic("the gate's dataset `\(dataName)` is not loaded", at: gate.range,
                             hint: Suggestion.hint(for: dataName, in: context.session.datasetOrder) ?? "load or split it first")
        }
        let candidateModel = try context.registeredModel(RegistryReference(name: candidate.name, selector: .version(candidate.version),
                                                                           text: candidate.reference), at: gate.range)
        let (candidateScore, candidateRun) = try score(candidateModel, metric: metric, on: data, at: gate.range, context: context)
        guard let production, production.version != candidate.version else {
            return Gate(passed: true, summary: "\(metric) on \(dataName) \(Formatting.metric(candidateScore)); no production version to compare with",
                        evaluations: [candidateRun])
        }
        let productionModel = try context.registeredModel(RegistryReference(name: production.name, selector: .version(production.version),
                                                                            text: production.reference), at: gate.range)
        let (productionScore, productionRun) = try score(productionModel, metric: metric, on: data, at: gate.range, context: context)
        return compared(candidate.reference, candidateScore, production.reference, productionScore, metric: metric, on: data,
                        evaluations: [candidateRun, productionRun])
    }

    /// The candidate against production on `data` by `metric`, each evaluated and the evaluations kept to log;
    /// with `mustBeat` only a strictly better candidate passes.
    static func compare(_ candidate: SessionModel, as candidateReference: String, with production: SessionModel,
                        as productionReference: String, metric: String, on data: Dataset, mustBeat: Bool = false,
                        at range: SourceRange?, context: CommandContext) throws(Diagnostic) -> Gate {
        let (candidateScore, candidateRun) = try score(candidate, metric: metric, on: data, at: range, context: context)
        let (productionScore, productionRun) = try score(production, metric: metric, on: data, at: range, context: context)
        return compared(candidateReference, candidateScore, productionReference, productionScore, metric: metric, on: data,
                        mustBeat: mustBeat, evaluations: [candidateRun, productionRun])
    }

    /// Passed when the candidate is at least as good (with `mustBeat`, better); the summary says by how much it is
    /// worse otherwise, or that it only ties.
    private static func compared(_ candidate: String, _ candidateScore: Double, _ production: String, _ productionScore: Double,
                                 metric: String, on data: Dataset, mustBeat: Bool = false, evaluations: [NewRun]) -> Gate {
        let lower = MetricDirection.lowerIsBetter.contains(metric)
        let better = lower ? candidateScore < productionScore : candidateScore > productionScore
        let tie = candidateScore == productionScore
        let passed = better || (tie && !mustBeat)
        let gap = Formatting.metric(abs(candidateScore - productionScore))
        let scores = (candidate: "\(candidate) \(Formatting.metric(candidateScore))", production: "\(production) \(Formatting.metric(productionScore))")
        let comparison: String
        switch (mustBeat, better, tie) {
        case (true, true, _): comparison = "\(scores.candidate) beats \(scores.production) by \(gap)"
        case (true, false, true): comparison = "\(scores.candidate) does not beat \(scores.production): a tie"
        case (false, _, _) where passed: comparison = "\(scores.candidate) is at least as good as \(scores.production)"
        default: comparison = "\(scores.candidate) is worse than \(scores.production) by \(gap)"
        }
        return Gate(passed: passed, summary: "\(metric) on \(data.name): \(comparison)\(lower ? " (lower is better)" : "")",
                    evaluations: evaluations)
    }

    private static func score(_ model: SessionModel, metric: String, on data: Dataset, at range: SourceRange?,
                              context: CommandContext) throws(Diagnostic) -> (Double, NewRun) {
        let metrics: MetricSet
        let started = Date()
        do {
            metrics = try Learning.evaluate(model.model, on: data.frame)
        } catch {
            throw Diagnostic("the gate cannot evaluate \(model.name) on \(data.name): \(error)", at: range)
        }
        guard let value = metrics[metric], value.isFinite else {
            let names = metrics.entries.map(\.name)
            throw Diagnostic("the gate's metric `\(metric)` is not one \(model.name) has on \(data.name)", at: range,
                             hint: Suggestion.hint(for: metric, in: names) ?? "metrics: " + names.joined(separator: ", "))
        }
        let run = context.newRun(.evaluate, algorithm: model.model.algorithm, parameters: model.model.parameters,
                                 seed: model.model.seed, data: [data], metrics: metrics.dictionary,
                                 started: started, modelName: model.name, artifact: model.artifactSHA256)
        return (value, run)
    }
}
