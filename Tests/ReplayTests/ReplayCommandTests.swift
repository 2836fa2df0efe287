import Engine
import Foundation
import Replay
import Testing

/// `replay PATH [check=true]` at the prompt: the file runs in a fresh session as `mlw run` runs it.
@Suite("replay at the prompt")
struct ReplayCommandTests {
    private func run(_ session: Session, _ line: String) -> (Interpreter.LineResult, [String]) {
        var output: [String] = []
        let result = Interpreter(session: session).run(line: line) { output += $0.lines(recorded: true) }
        return (result, output)
    }

    @Test func aSavedSessionReplaysCheckedAndAnEditedOneFailsWithItsExitCode() throws {
        let directory = NSTemporaryDirectory() + "mlw-replay-command-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/pipeline.mlw"
        let session = Session()
        session.replayer = FileReplayer()
        let interpreter = Interpreter(session: session)
        for line in ["load iris from \"\(iris)\" target=species", "split iris into train, test seed=1", "train t = tree on train depth=2",
                     "evaluate t on test", "save \"\(file)\""] {
            _ = interpreter.run(line: line) { _ in }
        }
        let (passed, output) = run(session, "replay \"\(file)\" check=true")
        #expect(passed == .ran(.ok))
        #expect(output == ["replayed \(file) in a fresh session: 4 commands ran, every output matched its recorded #> lines (`mlw run --check \(file)` exits 0)"],
                "\(output)")
        #expect(session.values["replay.passed"] == .flag(true) && session.values["replay.commands"] == .count(4))

        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "into train (120 rows)", with: "into train (121 rows)").write(toFile: file, atomically: true, encoding: .utf8)
        session.values["replay.passed"] = nil
        let (failed, problems) = run(session, "replay \"\(file)\" check=true")
        guard case .ran(.failed(let diagnostic)) = failed else {
            Issue.record("an edited recording must fail the replay: \(failed)")
            return
        }
        #expect(diagnostic.message == "replay of \(file) failed: output differs from the recording (`mlw run --check \(file)` exits 3)")
        #expect(problems.first?.hasPrefix("  \(file):") == true && problems.joined().contains("121 rows"), "\(problems)")
        #expect(session.values["replay.passed"] == nil, "a failed replay records nothing")
        #expect(run(session, "replay \"\(file)\"").0 == .ran(.ok), "without check= only the commands must run")
    }
}
