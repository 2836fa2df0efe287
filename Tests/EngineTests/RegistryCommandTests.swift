import Engine
import Foundation
import Store
import Testing

/// A harness with two iris models registered as credit@1 (tree, depth 1: weak) and credit@2 (logistic).
private func registryHarness() -> Harness {
    let harness = Harness()
    harness.run("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
    harness.run("split iris into train, test ratio=0.7 seed=3")
    harness.run("train weak = tree on train depth=1")
    harness.run("train lr = logistic on train")
    harness.run("register weak as credit note=\"first\"")
    harness.run("register lr as credit")
    return harness
}

private func registryState(_ store: Store) throws -> [String] {
    try store.modelVersions().map { "\($0.reference) \($0.status.rawValue) \($0.stage.rawValue)" }
        + store.registeredModelNames().flatMap { try store.auditTrail($0).map { "\($0.id) \($0.action.rawValue)" } }
}

@Suite("Registry commands")
struct RegistryCommandTests {
    @Test func aVersionGoesFromRegistrationToProductionAndBack() throws {
        let harness = registryHarness()
        #expect(harness.run("approve credit@1 note=\"ok\"").output.first == "approved credit@1 by <who>")
        #expect(harness.run("promote credit@1 to production").output == ["promoted credit@1 to production"])
        harness.run("approve credit@2")
        let promoted = harness.run("promote credit@2 to production gate=\"accuracy on test\"").output
        #expect(promoted.first == "promoted credit@2 to production; credit@1 archived", "\(promoted)")
        #expect(promoted.last?.hasPrefix("gate: accuracy on test: credit@2") == true)
        harness.run("evaluate credit@production on test")
        #expect(harness.session.values["credit@production.test.accuracy"] != nil)
        #expect(harness.run("rollback credit").output == ["rolled back credit: credit@1 is in production again; credit@2 archived"])
        let history = harness.run("history credit").output.joined(separator: "\n")
        for action in ["register", "approve", "promote", "archive", "rollback"] { #expect(history.contains(action)) }
        #expect(history.contains("<who>") && history.contains("<time>"))
        let models = harness.run("models").output.joined(separator: "\n")
        #expect(models.contains("credit@1  approved  production") && models.contains("on test"), "\(models)")
    }

    @Test func aWorseCandidateIsRefusedByTheGateSayingByHowMuch() throws {
        let harness = registryHarness()
        harness.run("approve credit@1")
        harness.run("approve credit@2")
        harness.run("promote credit@2 to production")
        let stageBefore = try harness.session.store.modelVersion("credit", version: 1)?.stage
        let message = harness.error("promote credit@1 to production gate=\"accuracy on test\"")
        #expect(message.contains("is worse than credit@2") && message.contains(" by 0."), "\(message)")
        #expect(try harness.session.store.modelVersion("credit", stage: .production)?.version == 2)
        let refusal = try #require(try harness.session.store.auditTrail("credit").last)
        #expect(refusal.action == .refuse && refusal.version == 1 && refusal.toStage == .production, "a refused gate is audited")
        #expect(refusal.note?.hasPrefix("gate: accuracy on test: credit@1") == true && refusal.note?.contains("is worse than credit@2") == true)
        #expect(try harness.session.store.modelVersion("credit", version: 1)?.stage == stageBefore, "and changes no stage")
    }

    @Test(arguments: [
        ("promote credit@3 to production", "credit has no version 3"),
        ("approve credit@1|approve credit@1", "already approved"),
        ("reject credit@2 note=\"leak\"|promote credit@2 to staging", "only approved versions"),
        ("approve credit@1|promote credit@1 to production|approve credit@2|promote credit@2 to staging gate=\"r2 on test\"", "metric `r2`"),
        ("approve credit@1|promote credit@1 to production|rollback credit", "no earlier one"),
        ("reject credit@1", "needs its reason"),
        ("promote credit@1 to production", "pending"),
        ("approve credit", "needs a registered version such as credit@2"),
        ("approve nope@1", "no registered model `nope`"),
        ("approve credit@prod", "not a registered model reference"),
        ("load widths from \"\(packageRoot)/samples/data/iris.csv\" target=petal_width_cm|train width = linear on widths|register width as credit",
         "cannot register width as credit: it would break the callers of credit@2: task regression, not classification; "
            + "target `petal_width_cm`, not `species`; it needs feature column `species` that callers do not send"),
    ])
    func badRegistryInputFailsClearlyAndChangesNothing(_ lines: String, _ expected: String) throws {
        let harness = registryHarness()
        var steps = lines.split(separator: "|").map(String.init)
        let last = steps.removeLast()
        for step in steps { #expect(harness.run(step).result == .ran(.ok), "\(step)") }
        let before = try registryState(harness.session.store)
        let message = harness.error(last)
        #expect(message.contains(expected), "\(last): \(message)")
        #expect(try registryState(harness.session.store) == before)
    }

    @Test func aTamperedOrTruncatedArtifactIsRefused() throws {
        for damage in ["tamper", "truncate"] {
            let harness = registryHarness()
            let sha = try #require(try harness.session.store.modelVersion("credit", version: 2)?.artifactSHA256)
            let path = harness.session.store.objectPath(sha)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            if damage == "tamper" { bytes[bytes.count / 2] ^= 1 } else { bytes = bytes.prefix(bytes.count / 2) }
            try bytes.write(to: URL(fileURLWithPath: path))
            let message = harness.error("evaluate credit@2 on test")
            #expect(message.contains("cannot load credit@2") && message.contains("corrupt"), "\(damage): \(message)")
        }
    }

    @Test func theModelCardIsMarkdownWithLineageMetricsAndDecisions() throws {
        let harness = registryHarness()
        harness.run("approve credit@2 note=\"reviewed by risk\"")
        harness.run("evaluate credit@2 on test")
        let directory = TemporaryDirectory()
        let path = directory.path + "/card.md"
        #expect(harness.run("card credit@2 to \"\(path)\"").result == .ran(.ok))
        let card = try String(contentsOfFile: path, encoding: .utf8)
        for part in ["# Model card: credit@2", "| algorithm | logistic |", "## Data lineage", "- train: sha256:",
                     "  - from: sha256:\(harness.session.datasets["iris"]!.version)", "samples/data/iris.csv",
                     "## Metrics", "evaluation, run", "## Approvals, stages and notes", "reviewed by risk"] {
            #expect(card.contains(part), "missing \(part) in\n\(card)")
        }
        #expect(!card.contains("<who>"))
    }
}
