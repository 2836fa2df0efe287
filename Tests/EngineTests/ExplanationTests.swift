import Engine
import Testing

/// `explain last`, and the value paths that read the store (registry, audit trail, monitoring).
@Suite("Explanations and store facts")
struct ExplanationTests {
    private func irisHarness() -> Harness {
        let harness = Harness()
        harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        return harness
    }

    @Test func explainLastSaysWhyTheLastCommandChoseWhatItChose() {
        let harness = irisHarness()
        let load = harness.run("explain last").output
        #expect(load.first == "why `load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species` did what it did:")
        #expect(load.contains("- the target species is categorical, so models of it classify"), "\(load)")
        harness.run("split iris into train, test")
        let split = harness.run("explain last").output.joined(separator: "\n")
        #expect(split.contains("the split is stratified by species because it is categorical") && split.contains("seed 42 is the session's seed"), "\(split)")
        harness.run("train lr = logistic on train seed=3")
        let train = harness.run("explain last").output.joined(separator: "\n")
        #expect(train.contains("4 numeric features are centred and scaled to unit variance") && !train.contains("session's seed"), "\(train)")
        harness.run("train rf = forest on train trees=10")
        harness.run("help train")
        let kept = harness.run("explain last").output.joined(separator: "\n")
        #expect(kept.contains("`train rf = forest on train trees=10`") && kept.contains("trees split on thresholds"), "help keeps the reasons: \(kept)")
        harness.run("compare lr, rf on test")
        #expect(harness.run("explain last").output.joined(separator: "\n").contains("McNemar's test, because both are classifiers scored on the same 30 rows"))
        harness.run("show iris rows=1")
        #expect(harness.run("explain last").output == ["`show iris rows=1` made no choice of its own to explain: it did what it was told"])
    }

    @Test func aRefusedGateIsExplained() {
        let harness = irisHarness()
        for line in ["split iris into train, test ratio=0.7 seed=3", "train weak = tree on train depth=1", "train lr = logistic on train",
                     "register lr as credit", "register weak as credit", "approve credit@1", "approve credit@2",
                     "promote credit@1 to production"] { harness.run(line) }
        _ = harness.error("promote credit@2 to production gate=\"accuracy on test\"")
        let why = harness.run("explain last").output.joined(separator: "\n")
        #expect(why.contains("lets the candidate through only when it is at least as good: accuracy on test: credit@2") && why.contains("so nothing was promoted"), "\(why)")
    }

    @Test func registryAndAuditFactsAreValuePaths() {
        let harness = irisHarness()
        for line in ["split iris into train, test ratio=0.7 seed=3", "train lr = logistic on train", "register lr as credit",
                     "approve credit@1", "promote credit@1 to production"] { harness.run(line) }
        #expect(harness.run("print credit@1.status").output == ["approved"])
        #expect(harness.run("print credit@production.version").output == ["1"])
        #expect(harness.run("print credit.versions").output == ["1"])
        #expect(harness.run("print credit.audit.promote").output == ["1"])
        #expect(harness.run("print credit.monitored").output == ["false"])
        #expect(harness.run("print lr.param.C").output == ["1.0000"])
        #expect(harness.run("print train.parent").output == ["iris"])
        #expect(harness.run("assert credit@1.stage == production").output == ["passed: credit@1.stage = production == production"])
        #expect(harness.error("print credit@2.status").hasPrefix("unknown value `credit@2.status`"))
    }
}
