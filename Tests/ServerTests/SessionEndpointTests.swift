import Engine
import Foundation
import Server
import Store
import Testing

/// One command a session ran: whether it succeeded and its recorded output (an error as `error: ...`).
private struct Step: Sendable {
    var ok: Bool
    var output: [String]
}

/// A session whose `serve` starts the real server, as the REPL and `mlw run` give it, with species@1 (logistic)
/// in production and species@2 (forest) in staging.
private final class ServingSession {
    let host = ServingHost(token: nil)
    let session = Session()
    let interpreter: Interpreter

    init() {
        interpreter = Interpreter(session: session)
        session.endpoint = host
        for line in ["load iris from \"\(irisPath)\" target=species", "split iris into train, test ratio=0.8 seed=1 stratify=true",
                     "train lr = logistic on train", "train rf = forest on train trees=10 seed=1",
                     "register lr as species", "register rf as species", "approve species@1", "approve species@2",
                     "promote species@1 to production", "promote species@2 to staging", "monitor species baseline=train"] {
            run(line)
        }
    }

    @discardableResult
    func run(_ line: String) -> Step {
        var output: [String] = []
        let result = interpreter.run(line: line) { output += $0.lines(recorded: true) }
        if case .ran(.failed(let diagnostic)) = result { output.append("error: " + diagnostic.message) }
        return Step(ok: result == .ran(.ok), output: output)
    }

    deinit { host.stop() }
}

/// Runs `body` on a thread of its own and returns what it gives. A session waits for its endpoint's tasks
/// (as the REPL's main thread does), so it must not sit on one of the few threads those tasks run on.
private func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

@Suite("A session's endpoint")
struct SessionEndpointTests {
    @Test func sendAndTrafficRefuseAModelTheStoreDoesNotHave() async throws {
        let steps = await onOwnThread { () -> [Step] in
            let session = ServingSession()
            return ["serve port=0", "send test to nosuch", "traffic nosuch"].map { session.run($0) }
        }
        #expect(!steps[1].ok && steps[1].output.last == "error: no registered model `nosuch` in this store")
        #expect(!steps[2].ok && steps[2].output.last == "error: no registered model `nosuch` in this store")
        #expect(!steps[1].output.contains { $0.hasPrefix("sent") }, "nothing was sent")
    }

    @Test func aPrintedLatencyIsRecordedNormalisedAndStillAsserted() async throws {
        let steps = await onOwnThread { () -> [Step] in
            let session = ServingSession()
            return ["serve port=0", "send test to species rows=3", "print species.traffic.p99_ms", "print species.traffic.p50_ms",
                    "assert species.traffic.p99_ms < 60000"].map { session.run($0) }
        }
        let outputs = steps.map { $0.output.joined(separator: " / ") }
        #expect(steps.allSatisfy { $0.ok }, "\(outputs)")
        #expect(steps[2].output == ["<ms>"] && steps[3].output == ["<ms>"])
    }

    @Test func serveDeploySendTrafficAndObserveOverRealHTTP() async throws {
        let steps = await onOwnThread { () -> [String: Step] in
            let session = ServingSession()
            var steps: [String: Step] = [:]
            steps["serve"] = session.run("serve port=0")
            steps["url"] = Step(ok: true, output: [session.host.baseURL ?? ""])
            steps["serve again"] = session.run("serve port=0")
            steps["deploy"] = session.run("deploy species strategy=canary percent=25")
            steps["send"] = session.run("send test to species")
            steps["traffic"] = session.run("traffic species")
            steps["observe"] = session.run("observe species with captured")
            steps["observe again"] = session.run("observe species with captured")
            steps["promote"] = session.run("promote species@2 to production")
            steps["send after promote"] = session.run("send test to species rows=4")
            return steps
        }
        let url = try #require(steps["url"]?.output.first)
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(steps["serve"]?.ok == true && steps["serve"]?.output.first == "serving on http://127.0.0.1:<port>")
        #expect(steps["serve again"]?.output.last?.contains("already serving on \(url)") == true)
        #expect(steps["deploy"]?.ok == true)
        let sent = steps["send"]?.output ?? []
        #expect(sent.contains("species@1          23  76.7 %") && sent.contains("species@2           7  23.3 %"))
        #expect(steps["traffic"]?.output.contains { $0.hasPrefix("species@2  candidate          7  23.3 %       0  <ms>  <ms>") } == true)
        #expect(steps["observe"]?.output.first == "observed species@1 with captured (batch 1): 30 rows, with the target species")
        #expect(steps["observe again"]?.output.last?.contains("no captured requests") == true)
        #expect(steps["promote"]?.ok == true)
        #expect(steps["send after promote"]?.output.contains("species@2           4  100.0 %") == true)
    }

    @Test func refusedRequestsAreReportedAndTheServerStaysUp() async {
        let (refused, after) = await onOwnThread { () -> (Step, Step) in
            let session = ServingSession()
            session.run("serve port=0")
            session.run("load sepals from \"\(irisPath)\" target=species")
            session.run("filter sepals into narrow drop=[petal_length_cm]")
            return (session.run("send narrow to species rows=3"), session.run("send test to species rows=2"))
        }
        #expect(!refused.ok)
        #expect(refused.output.last?.contains("3 requests refused; the first (HTTP 400): missing feature column `petal_length_cm`") == true)
        #expect(after.output.first == "sent 2 rows of test to species in 2 requests: all answered")
    }

    @Test func aPortInUseIsAClearError() async {
        let (port, failed, url) = await onOwnThread { () -> (Int, Step, String?) in
            let first = ServingSession()
            first.run("serve port=0")
            let port = first.host.baseURL.flatMap { Int($0.split(separator: ":").last ?? "") } ?? 0
            let second = ServingSession()
            return (port, second.run("serve port=\(port)"), second.host.baseURL)
        }
        #expect(port > 0)
        #expect(!failed.ok && failed.output.last?.contains("cannot serve on 127.0.0.1:\(port)") == true)
        #expect(url == nil)
    }
}
