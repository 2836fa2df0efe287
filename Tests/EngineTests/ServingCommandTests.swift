import Engine
import Foundation
import Testing

/// iris registered twice: species@1 in production, species@2 approved but in no stage.
private func registered() -> Harness {
    let harness = Harness()
    for line in ["load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species", "train lr = logistic on iris",
                 "register lr as species", "register lr as species", "approve species@1", "approve species@2",
                 "promote species@1 to production"] {
        harness.run(line)
    }
    return harness
}

@Suite("Serving commands: bad input")
struct ServingCommandTests {
    @Test(arguments: [
        ("deploy species strategy=canary", "canary needs a candidate in staging and species has none"),
        ("deploy species strategy=bluegreen", "bluegreen needs a candidate in staging"),
        ("deploy species percent=20", "percent applies to the canary and shadow strategies, not direct"),
        ("deploy species strategy=bluegreen percent=50", "percent applies to the canary and shadow strategies, not bluegreen"),
        ("deploy species strategy=canary percent=0", "a canary's percent must be from 1 to 99, not 0"),
        ("deploy species strategy=canary percent=100", "a canary of 100 % is a switch"),
        ("deploy species strategy=sideways", "one of `direct`, `canary`, `bluegreen`, `shadow`"),
        ("deploy species capture=120", "a whole number from 0 to 100"),
        ("deploy nosuch", "no registered model `nosuch`"),
        ("send iris to species", "no endpoint to send to"),
        ("traffic species", "the endpoint is not running in this session"),
        ("serve", "this session cannot start an endpoint"),
        ("serve port=70000", "a whole number from 0 to 65535"),
    ])
    func aBadServingCommandSaysWhyAndDeploysNothing(_ line: String, _ message: String) throws {
        let harness = registered()
        #expect(harness.error(line).contains(message))
        #expect(try harness.session.store.currentDeployment("species") == nil)
        #expect(try harness.session.store.modelVersion("species", stage: .production)?.version == 1)
    }

    @Test func observingCapturedTrafficNeedsCaptures() {
        let harness = registered()
        harness.run("monitor species baseline=iris")
        #expect(harness.error("observe species with captured").contains("no captured requests of species wait to be observed"))
    }

    @Test func aModelInProductionHasTheImpliedDeploymentBeforeAnyDeploy() {
        let harness = registered()
        #expect(harness.run("print species.deployment.strategy").output == ["direct"])
        #expect(harness.run("print species.deployment.capture").output == ["100"])
        #expect(harness.run("print species.deployment.production").output == ["1"])
        #expect(harness.run("print species.deployment.candidate").output == ["none"])
    }

    @Test func promotingAwayACanarysCandidateEndsTheCanaryAndSaysSo() throws {
        let harness = registered()
        harness.run("promote species@2 to staging")
        harness.run("deploy species strategy=canary percent=50 capture=0")
        let output = harness.run("promote species@2 to production").output
        #expect(output == ["promoted species@2 to production; species@1 archived",
                           "deployment of species: canary ended (its candidate species@2 left staging (production)); "
                           + "now direct: every request to species@2"])
        #expect(harness.run("print species.deployment.strategy").output == ["direct"])
        #expect(harness.run("print species.deployment.capture").output == ["0"])
    }

    @Test func aDeploymentIsRecordedAndShownWithoutAServer() throws {
        let harness = registered()
        harness.run("promote species@2 to staging")
        let output = harness.run("deploy species strategy=shadow capture=25").output
        #expect(output.first == "deployed species: shadow: species@1 answers, 100 % copied to species@2; capturing 25 % of requests")
        #expect(try harness.session.store.currentDeployment("species")?.capture == 25)
    }
}
