import Engine
import Foundation
import Store
import Testing

/// Iris split 70/30, a logistic model registered, approved and in production as flowers@1,
/// monitored against the training rows (unless `monitored` is false).
private func monitoringHarness(monitored: Bool = true) -> Harness {
    let harness = Harness()
    harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
    harness.run("split iris into train, test ratio=0.7 seed=3")
    harness.run("train lr = logistic on train")
    harness.run("register lr as flowers")
    harness.run("approve flowers@1")
    harness.run("promote flowers@1 to production")
    if monitored { harness.run("monitor flowers baseline=train") }
    return harness
}

/// Everything monitoring and the registry keep for flowers, to compare before and after a failed command.
private func monitoringState(_ harness: Harness) throws -> [String] {
    let store = harness.session.store
    return try ["baseline \(store.currentBaseline("flowers")?.id ?? 0)"]
        + store.batches("flowers").map { "batch \($0.number) \($0.datasetLabel)" }
        + store.alertRules("flowers").map { "alert \($0.id) \($0.condition)" }
        + store.modelVersions().map { "\($0.reference) \($0.status.rawValue) \($0.stage.rawValue)" }
        + store.auditTrail("flowers").map { "\($0.id) \($0.action.rawValue)" }
        + harness.session.datasetOrder
}

/// Iris rows rewritten: `columns` picks and renames header fields, `value` may replace a cell.
private func irisVariant(_ directory: TemporaryDirectory, _ name: String, rows: Int = 40,
                         header: (inout [String]) -> Void = { _ in },
                         cells: (inout [String]) -> Void = { _ in }) throws -> String {
    let lines = try String(contentsOfFile: packageRoot + "/samples/data/iris.csv", encoding: .utf8)
        .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    var first = lines[0]
    header(&first)
    var text = first.joined(separator: ",") + "\n"
    for line in lines.dropFirst().prefix(rows) {
        var cellsOfLine = line
        cells(&cellsOfLine)
        text += cellsOfLine.joined(separator: ",") + "\n"
    }
    return directory.write(name + ".csv", text)
}

@Suite("Monitoring commands")
struct MonitoringCommandTests {
    @Test func anObservedBatchIsStoredAndItsResultsAreReadable() throws {
        let harness = monitoringHarness()
        let output = harness.run("observe flowers with test").output
        #expect(output.first == "observed flowers@1 with test (batch 1): 45 rows, with the target species", "\(output)")
        let text = output.joined(separator: "\n")
        #expect(text.contains("KS: 105 reference rows, numeric, 35 distinct values"), "\(text)")
        #expect(text.contains("drift: 0 of 4 features drifted (share 0.0000 < 0.5): no dataset drift"))
        #expect(text.contains("quality on test: accuracy 0.9778"))
        let values = harness.session.values
        #expect(values["flowers.drift.share"]?.number == 0)
        #expect(values["flowers.drift.detected"] == .flag(false))
        #expect(values["flowers.drift.petal_length_cm.method"]?.description == "ks")
        #expect(values["flowers.drift.petal_length_cm.pvalue"]?.number.map { $0 > 0.05 } == true)
        #expect(values["flowers.quality.accuracy"]?.number.map { abs($0 - 0.97778) < 1e-4 } == true)
        #expect(values["flowers.violations"]?.number == 0)
        let batches = try harness.session.store.batches("flowers")
        #expect(batches.map(\.number) == [1] && batches[0].rows == 45 && batches[0].hasTarget)

        harness.run("observe flowers with train")
        let quality = harness.run("quality flowers").output.joined(separator: "\n")
        #expect(quality.contains("test") && quality.contains("train"), "\(quality)")
        let drift = harness.run("drift flowers").output
        #expect(drift.first?.hasPrefix("drift of flowers@1 on train (batch 2 of 2") == true, "\(drift)")
    }

    @Test func aBatchMissingAColumnOrWithTheWrongTypeIsReportedAndStored() throws {
        let directory = TemporaryDirectory()
        let missing = try irisVariant(directory, "missing", header: { $0.removeFirst() }, cells: { $0.removeFirst() })
        let wrong = try irisVariant(directory, "wrong", cells: { $0[0] = "abc" })
        let extra = try irisVariant(directory, "extra", header: { $0.append("note") }, cells: { $0.append("x") })
        let harness = monitoringHarness()
        for (name, file, expected) in [("missing", missing, "missing column: the model needs it"),
                                       ("wrong", wrong, "wrong type: categorical in the batch, numeric in the baseline"),
                                       ("extra", extra, "extra column: not a feature of the model")] {
            #expect(harness.run("load \(name) from \"\(file)\" target=species").result == .ran(.ok))
            let output = harness.run("observe flowers with \(name)")
            let text = output.output.joined(separator: "\n")
            #expect(output.result == .ran(.ok), "\(name): \(text)")
            #expect(text.contains(expected), "\(name): \(text)")
            #expect(harness.session.values["flowers.violations"]?.number == 1)
            if name != "extra" {
                #expect(text.contains("the model cannot predict this batch"), "\(text)")
                #expect(harness.session.values["flowers.quality.accuracy"] == nil, "no quality from a batch the model cannot read")
            }
        }
        #expect(try harness.session.store.batches("flowers").map(\.violations) == [1, 1, 1])
    }

    @Test(arguments: [
        ("monitor nope baseline=train", "no registered model `nope`"),
        ("monitor flowers baseline=tests", "unknown dataset `tests`"),
        ("filter iris into none where=\"petal_length_cm > 100\"|observe flowers with none", "unknown dataset `none`"),
        ("observe flowers with test detector=kswin", "not one of `ddm`, `eddm`, `adwin`, `pagehinkley`"),
        ("observe flowers with test method=ks2", "method"),
        ("alert flowers when drift.shares > 0.5 then retrain on train", "`drift.shares` is not a monitoring value of flowers"),
        ("alert flowers when quality.r2 < 0.5 then retrain on train", "quality has the metrics of the model's task"),
        ("alert flowers when drift.petal_width.score > 0.5 then retrain on train", "no feature `petal_width`"),
        ("alert flowers when latency > 3 then retrain on train", "`latency` is not a monitoring value of flowers"),
        ("alert flowers when drift.share > 0.5 then retrain on nothing", "unknown dataset `nothing`"),
        ("alert flowers when drift.share >", "expected"),
        ("filter iris into none where=\"petal_length_cm > 100\"", "no row of iris meets petal_length_cm > 100"),
        ("filter iris into some where=\"petal_lengt > 3\"", "no column `petal_lengt`"),
        ("filter iris into some where=\"petal_length_cm > 3\" drop=[species]", "is the target"),
        ("filter iris into some where=\"petal_length_cm > 3\" drop=[sepal]", "no column `sepal` to drop"),
        ("observe flowers with test|quality flowers by=nope", "unknown metric `nope`"),
        ("drift nope", "no registered model `nope`"),
        ("retrain flowers on train with_batch=true", "needs an observed batch with the target"),
    ])
    func badMonitoringInputFailsClearlyAndChangesNothing(_ lines: String, _ expected: String) throws {
        let harness = monitoringHarness()
        var steps = lines.split(separator: "|").map(String.init)
        let last = steps.removeLast()
        for step in steps { harness.run(step) }  // a step may fail on purpose, e.g. a filter that keeps no row
        let before = try monitoringState(harness)
        let message = harness.error(last)
        #expect(message.contains(expected), "\(last): \(message)")
        #expect(try monitoringState(harness) == before)
    }

    @Test func aMisspeltMetricInAnAlertIsSuggestedAsAQualityValue() {
        let harness = monitoringHarness()
        guard case .ran(.failed(let diagnostic)) = harness.run("alert flowers when accurcy < 0.5 then retrain on train").result else {
            Issue.record("the alert was accepted")
            return
        }
        #expect(diagnostic.message == "`accurcy` is not a monitoring value of flowers")
        #expect(diagnostic.hint?.hasPrefix("did you mean `quality.accuracy`? an alert reads drift.share") == true)
    }

    /// A misspelt monitoring path is suggested whole, and a filter example is written as an alert's.
    @Test(arguments: [
        ("alert flowers when drift.shares > 0.5 then retrain on train", "did you mean `drift.share`?"),
        ("alert flowers when drift.petal_lenght_cm.score > 0.5 then retrain on train", "did you mean `drift.petal_length_cm.score`?"),
        ("alert flowers when drift.petal_length_cm.scor > 0.5 then retrain on train", "did you mean `drift.petal_length_cm.score`?"),
        ("alert flowers when drift.share > 0.5 and then retrain on train", "for example: when "),
    ])
    func alertHintsSpeakOfAlerts(_ line: String, _ hint: String) {
        guard case .ran(.failed(let diagnostic)) = monitoringHarness().run(line).result else {
            Issue.record("the alert was accepted")
            return
        }
        #expect(diagnostic.hint?.hasPrefix(hint) == true, "\(String(describing: diagnostic.hint))")
    }

    /// An unknown monitoring value says what would set it, or what exists beside it.
    @Test func anUnknownMonitoringValueSaysWhatExists() {
        let harness = monitoringHarness()
        func hint(_ path: String) -> String? {
            guard case .ran(.failed(let diagnostic)) = harness.run("print \(path)").result else { return nil }
            return diagnostic.hint
        }
        #expect(hint("flowers.quality.accuracy")?.hasPrefix("quality values come from an observed batch that holds the target") == true)
        #expect(hint("flowers.detector.detected")?.hasPrefix("detector values come from `observe flowers with DATA detector=ddm`") == true)
        harness.run("observe flowers with test")
        #expect(hint("flowers.drift.petal_length_cm.tally") == "flowers.drift.petal_length_cm has: detected, method, pvalue, score")
    }

    @Test func aDetectorNeedsTheTarget() throws {
        let directory = TemporaryDirectory()
        let unlabelled = try irisVariant(directory, "unlabelled", header: { $0.removeLast() }, cells: { $0.removeLast() })
        let harness = monitoringHarness()
        harness.run("load unlabelled from \"\(unlabelled)\"")
        let message = harness.error("observe flowers with unlabelled detector=ddm")
        #expect(message.contains("this batch has no target to know them"), "\(message)")
        #expect(try harness.session.store.batches("flowers").isEmpty, "observe is one transaction")
        let text = harness.run("observe flowers with unlabelled").output.joined(separator: "\n")
        #expect(text.contains("40 rows, no target") && text.contains("the batch has no target species, so no model quality"), "\(text)")
    }

    @Test func aDetectorOnABatchTheModelCannotPredictIsReportedAsNotRunAndTheBatchIsKept() throws {
        let directory = TemporaryDirectory()
        let missing = try irisVariant(directory, "missing", header: { $0.removeFirst() }, cells: { $0.removeFirst() })
        let harness = monitoringHarness()
        harness.run("load missing from \"\(missing)\" target=species")
        let output = harness.run("observe flowers with missing detector=ddm")
        let text = output.output.joined(separator: "\n")
        #expect(output.result == .ran(.ok), "\(text)")
        #expect(text.contains("missing column: the model needs it"), "\(text)")
        #expect(text.contains("DDM did not run: it reads the model's errors, and the model cannot predict this batch (missing sepal_length_cm)"),
                "\(text)")
        #expect(try harness.session.store.batches("flowers").count == 1)
        #expect(harness.session.values["flowers.detector.detected"] == nil)
        let drift = harness.run("drift flowers").output.joined(separator: "\n")
        #expect(drift.contains("DDM did not run"), "the stored report keeps it: \(drift)")
    }

    @Test func qualitySaysWhyABatchWithTheTargetHasNoScore() throws {
        let directory = TemporaryDirectory()
        let missing = try irisVariant(directory, "missing", header: { $0.removeFirst() }, cells: { $0.removeFirst() })
        let unlabelled = try irisVariant(directory, "unlabelled", header: { $0.removeLast() }, cells: { $0.removeLast() })
        let harness = monitoringHarness()
        harness.run("load missing from \"\(missing)\" target=species")
        harness.run("load unlabelled from \"\(unlabelled)\"")
        let observed = harness.run("observe flowers with missing").output.joined(separator: "\n")
        #expect(observed.contains("quality: the model cannot predict this batch (missing sepal_length_cm), so no model quality"), "\(observed)")
        harness.run("observe flowers with unlabelled")
        let text = harness.run("quality flowers").output.joined(separator: "\n")
        #expect(text.contains("not predicted: missing sepal_length_cm"), "\(text)")
        #expect(text.components(separatedBy: "no target").count == 2, "only the batch without the target says so: \(text)")
    }

    @Test func anAllMissingCategoricalOrBooleanColumnIsIncompleteAndImputed() throws {
        let directory = TemporaryDirectory()
        var training = "x,c,flag,label\n"
        var batch = "x,c,flag,label\n"
        for row in 0..<60 {
            let c = ["a", "b", "c"][row % 3], flag = row % 4 == 0 ? "yes" : "no", label = row % 3 == 0 ? "pos" : "neg"
            training += "\(Double(row % 7) / 2),\(c),\(flag),\(label)\n"
            if row < 20 { batch += "\(Double(row % 7) / 2),,,\(label)\n" }
        }
        let trainingFile = directory.write("training.csv", training)
        let batchFile = directory.write("batch.csv", batch)
        let harness = Harness()
        harness.run("load rows from \"\(trainingFile)\" target=label")
        harness.run("train lr = logistic on rows")
        harness.run("register lr as toy")
        harness.run("approve toy@1")
        harness.run("promote toy@1 to production")
        harness.run("monitor toy baseline=rows")
        harness.run("load empty from \"\(batchFile)\" target=label")
        let text = harness.run("observe toy with empty").output.joined(separator: "\n")
        #expect(!text.contains("wrong type"), "\(text)")
        #expect(text.components(separatedBy: "completeness: 0 % present (20 of 20 missing)").count == 3, "\(text)")
        #expect(text.contains("quality on empty: accuracy"), "imputed and predicted, like an all-missing number: \(text)")
    }

    @Test func observingBeforeMonitoringSaysWhatToDo() throws {
        let harness = monitoringHarness(monitored: false)
        let message = harness.error("observe flowers with test")
        #expect(message.contains("flowers is not monitored yet"), "\(message)")
        #expect(try harness.session.store.batches("flowers").isEmpty)
    }

    @Test func errorDetectorsOfAClassifierRefuseARegression() throws {
        let harness = Harness()
        harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=petal_width_cm")
        harness.run("split iris into train, test ratio=0.7 seed=3")
        harness.run("train ols = linear on train")
        harness.run("register ols as widths")
        harness.run("approve widths@1")
        harness.run("promote widths@1 to production")
        harness.run("monitor widths baseline=train")
        let message = harness.error("observe widths with test detector=ddm")
        #expect(message.contains("this model is a regression"), "\(message)")
        #expect(try harness.session.store.batches("widths").isEmpty)
        let output = harness.run("observe widths with test detector=adwin").output.joined(separator: "\n")
        #expect(output.contains("ADWIN over the error stream (45 errors"), "\(output)")
    }

    @Test func anAlertRetrainsAndTheGateDecidesWithEveryStepAudited() throws {
        let harness = monitoringHarness()
        #expect(harness.run("alert flowers when quality.accuracy < 0.99 then retrain on iris").result == .ran(.ok))
        let text = harness.run("observe flowers with test").output.joined(separator: "\n")
        #expect(text.contains("alert 1 fired: quality.accuracy < 0.99 (quality.accuracy 0.9778)"), "\(text)")
        #expect(text.contains("retrained flowers as flowers@2"), "\(text)")
        let store = harness.session.store
        let actions = try store.auditTrail("flowers").map(\.action.rawValue)
        #expect(Array(actions.prefix(4)) == ["register", "approve", "promote", "register"], "\(actions)")
        let production = try #require(try store.modelVersion("flowers", stage: .production))
        if text.contains("gate refused") {
            #expect(production.version == 1 && actions.last == "refuse")
        } else {
            #expect(production.version == 2 && actions.last == "promote")
            #expect(try store.currentBaseline("flowers")?.version == 2, "the new production version is monitored")
        }
        // The rule is kept in the store: a second batch is checked against it again.
        let again = harness.run("observe flowers with train").output.joined(separator: "\n")
        #expect(again.contains("alert 1"), "\(again)")
    }

    @Test func aRetrainedVersionThatOnlyTiesProductionStaysPending() throws {
        let harness = monitoringHarness()
        harness.run("observe flowers with test")
        // The same algorithm, params and seed on the same rows: the very same model, so a tie.
        let text = harness.run("retrain flowers on train").output.joined(separator: "\n")
        #expect(text.contains("gate: accuracy on test: flowers@2 0.9778 does not beat flowers@1 0.9778: a tie"), "\(text)")
        #expect(text.contains("gate refused flowers@2: it does not beat flowers@1"), "\(text)")
        let store = harness.session.store
        #expect(try store.modelVersion("flowers", stage: .production)?.version == 1)
        #expect(try store.auditTrail("flowers").last?.action.rawValue == "refuse")
        #expect(try store.currentBaseline("flowers")?.version == 1)
    }
}
