import Foundation
import Language
import Learning

/// `compare A, B on DATA [by=METRIC] [folds=N]`: metrics side by side, a significance test and a verdict.
enum CompareCommand {
    /// DATA, or with `captured` the requests the endpoint captured for the registered model compared since the
    /// last `observe ... with captured` (a shadow's live traffic), with the target when the callers sent it.
    private static func comparisonData(_ context: CommandContext, models: [SessionModel]) throws(Diagnostic) -> Dataset {
        let target = models[0].model.target
        guard context.namesCaptured("DATA") else { return try DataCommands.dataset("DATA", context, target: target) }
        guard let registered = models.lazy.compactMap({ $0.name.split(separator: "@").dropLast().first }).first else {
            throw Diagnostic("`captured` is the traffic the endpoint captured for a registered model; compare its versions on it",
                             at: context.command.slot("DATA")?.range, hint: "compare credit@production, credit@staging on captured")
        }
        return try context.capturedDataset(model: String(registered), target: target).0
    }

    static func compare(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let (models, slot) = try context.models("NAME")
        guard models.count >= 2 else {
            throw Diagnostic("`compare` needs two or more models", at: slot, hint: "for example: compare lr, rf on test")
        }
        let first = models[0]
        for other in models.dropFirst() where other.model.target != first.model.target || other.model.task.isClassification != first.model.task.isClassification {
            throw Diagnostic("`\(first.name)` predicts `\(first.model.target)` but `\(other.name)` predicts `\(other.model.target)`: only models of the same target compare",
                             at: slot)
        }
        let data = try comparisonData(context, models: models)
        let metric = try MetricDirection.metric(context, task: first.model.task)
        let folds = try context.integer("folds")
        // Cross-validated first, so that a bad `folds=` fails before anything is printed.
        let resampled = try folds.flatMap { folds throws(Diagnostic) in
            models.count != 2 ? nil :
            try resampledTest(models[0], models[1], data: data, folds: folds, metric: metric, context: context)
        }
        var scores: [Double] = []
        var rows: [[String]] = []
        var metricNames: [String] = []
        for model in models {
            let metrics = try ExperimentCommands.evaluate(model.model, on: data, context: context)
            if metricNames.isEmpty { metricNames = metrics.names }
            ExperimentCommands.store(metrics, model: model.name, data: data.name, in: context.session)
            scores.append(metrics[metric] ?? .nan)
            rows.append([model.name] + metricNames.map { metrics[$0].map(Formatting.metric) ?? "" })
        }
        context.say("on \(data.name) (\(Formatting.count(data.frame.rowCount, "row"))), by \(metric):")
        context.emit(.table(Table(columns: [.init("model")] + metricNames.map { .init($0, .right) }, rows: rows)))
        guard models.count == 2 else {
            context.say("a significance test compares two models: name two to get one")
            return .ok
        }
        let (a, b) = (models[0], models[1])
        let pValue: Double
        let testName: String
        if let folds, let resampled {
            context.say(resampled.line)
            pValue = resampled.pValue
            // The verdict weighs what the test compared: the cross-validated means, not the scores on DATA.
            scores = [resampled.meanA, resampled.meanB]
            testName = "resampled_t"
            context.explain("folds= asks for the corrected resampled t-test: both algorithms are trained and scored on the same \(folds) folds, "
                            + "and the t statistic's variance is corrected (Nadeau & Bengio) because the folds share training rows")
        } else if first.model.task.isClassification {
            let test: McNemarTest
            do {
                test = try McNemarTest(a.model, b.model, on: data.frame)
            } catch {
                throw context.placed(error)
            }
            let method = test.method == .exactBinomial ? "exact binomial, b + c < \(McNemarTest.exactBelow)" : "chi-square with continuity correction"
            context.say("McNemar's test (\(method)): \(a.name) right where \(b.name) is wrong on \(test.b) rows, the reverse on \(test.c); statistic \(Formatting.statistic(test.statistic)), p = \(pText(test.pValue))")
            pValue = test.pValue
            testName = "mcnemar"
            context.explain("McNemar's test, because both are classifiers scored on the same \(data.frame.rowCount) rows: it looks only at rows where "
                            + "exactly one of them is right (\(test.b) and \(test.c) here)"
                            + (test.method == .exactBinomial ? ", and with fewer than \(McNemarTest.exactBelow) such rows it uses the exact binomial test"
                                : ", and with \(McNemarTest.exactBelow) or more it uses the chi-square approximation with continuity correction"))
        } else {
            context.say("no significance test: McNemar's test needs classifiers; add folds=5 for the corrected resampled t-test")
            return .ok
        }
        context.session.values["compare.pvalue"] = .metric(pValue)
        context.session.values["compare.test"] = .text(testName)
        context.session.values["compare.significant"] = .flag(pValue < 0.05)
        context.say(verdict(a.name, scores[0], b.name, scores[1], metric: metric, pValue: pValue))
        return .ok
    }

    /// The corrected resampled t-test's result, and the line that reports it.
    private struct ResampledResult {
        let pValue: Double
        let meanA: Double
        let meanB: Double
        let line: String
    }

    private static func resampledTest(_ a: SessionModel, _ b: SessionModel, data: Dataset, folds: Int, metric: String,
                                      context: CommandContext) throws(Diagnostic) -> ResampledResult {
        let seed = try context.seed()
        do {
            let cvA = try crossValidate(a.model.algorithm, on: data.frame, parameters: a.model.parameters, folds: folds, seed: seed)
            let cvB = try crossValidate(b.model.algorithm, on: data.frame, parameters: b.model.parameters, folds: folds, seed: seed,
                                        assignment: cvA.assignment)
            let test = try ResampledTTest(cvA, cvB, metric: metric)
            let (meanA, meanB) = (cvA.mean(metric) ?? .nan, cvB.mean(metric) ?? .nan)
            let line = "corrected resampled t-test (Nadeau & Bengio) over the same \(folds) folds of \(data.name), seed \(seed): \(a.name) \(Formatting.metric(meanA)) vs \(b.name) \(Formatting.metric(meanB)) mean \(metric); t = \(Formatting.statistic(test.statistic)), df = \(test.degreesOfFreedom), p = \(pText(test.pValue))"
            return ResampledResult(pValue: test.pValue, meanA: meanA, meanB: meanB, line: line)
        } catch {
            throw context.placed(error)
        }
    }

    /// "rf is better than lr on f1 (p = 0.003)", or no significant difference.
    static func verdict(_ a: String, _ scoreA: Double, _ b: String, _ scoreB: Double, metric: String, pValue: Double) -> String {
        let aBetter = MetricDirection.isBetter(scoreA, than: scoreB, metric: metric)
        let (winner, loser) = aBetter ? (a, b) : (b, a)
        if pValue < 0.05, scoreA != scoreB {
            return "verdict: \(winner) is better than \(loser) on \(metric) (p = \(pText(pValue)))"
        }
        return "verdict: no significant difference between \(a) and \(b) on \(metric) (p = \(pText(pValue)) ≥ 0.05)"
    }

    static func pText(_ p: Double) -> String {
        if p < 0.0001 { return String(format: "%.1e", p) }
        return String(format: "%.4f", p)
    }
}
