import Foundation
import MLWTestSupport
import Testing

let samplesData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples/data").path

/// A fresh working directory with the sample data linked in, and the REPL started in it on a pseudo-terminal.
final class TerminalSession {
    let directory: String
    let terminal: PseudoTerminal

    init(environment extra: [String: String] = [:], arguments: [String] = [], in existing: String? = nil) throws {
        directory = existing ?? NSTemporaryDirectory() + "mlw-pty-" + UUID().uuidString
        if existing != nil {
            owner = false
            terminal = try PseudoTerminal(executable: mlwBinary, arguments: arguments, environment: Self.environment(directory, extra),
                                          workingDirectory: directory)
            return
        }
        try FileManager.default.createDirectory(atPath: directory + "/samples", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/samples/data", withDestinationPath: samplesData)
        try FileManager.default.createSymbolicLink(atPath: directory + "/samples/lessons",
                                                   withDestinationPath: (samplesData as NSString).deletingLastPathComponent + "/lessons")
        terminal = try PseudoTerminal(executable: mlwBinary, arguments: arguments, environment: Self.environment(directory, extra),
                                      workingDirectory: directory)
    }

    private static func environment(_ directory: String, _ extra: [String: String]) -> [String: String] {
        var environment = ["HOME": directory, "TERM": "xterm", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "USER": "learner"]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Whether this session made the directory (and removes it).
    private var owner = true

    var sessionFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/sessions")) ?? []).map { directory + "/sessions/" + $0 }
    }

    /// Runs `mlw run` with `arguments` in the session's directory and returns its exit code.
    func replay(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: mlwBinary)
        process.arguments = ["run"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if owner { try? FileManager.default.removeItem(atPath: directory) } }
}

@Suite("The REPL in a real pseudo-terminal", .serialized)
struct REPLTerminalTests {
    @Test func tabCompletesCommandsNamesAndPaths() throws {
        let session = try TerminalSession()
        let terminal = session.terminal
        try terminal.waitFor("mlw [1]> ")
        terminal.send("lo\t")
        try terminal.waitFor("load")
        terminal.send(" iris from \"samples/da\t")
        try terminal.waitFor("samples/data/")
        terminal.send("ir\t")
        try terminal.waitFor("iris.csv")
        terminal.send("target=spe\t")
        try terminal.waitFor("species")
        terminal.send(PseudoTerminal.Key.enter)
        try terminal.waitFor("loaded iris: 150 rows")
        try terminal.waitFor("mlw [2]> ")
        terminal.send("desc\t")
        try terminal.waitFor("describe")
        terminal.send("ir\t" + PseudoTerminal.Key.enter)
        try terminal.waitFor("petal_width_cm")
        try terminal.waitFor("mlw [3]> ")
        terminal.send(PseudoTerminal.Key.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aLessonWalkedAtTheTerminalGivesSpecificHintsAndResumes() throws {
        let session = try TerminalSession()
        let terminal = session.terminal
        try terminal.waitFor("mlw [1]> ")
        terminal.send("lesson exper\t")
        try terminal.waitFor("experimentation")
        terminal.send(PseudoTerminal.Key.enter)
        try terminal.waitFor("── Step 1 of 7 · Load the data ──")
        try terminal.waitFor("mlw [2]> ")
        terminal.sendLine("load cancer from \"samples/data/breast_cancer.csv\"")
        try terminal.waitFor("not yet: cancer.target is empty, not diagnosis — tell `load` which column to predict with target=diagnosis")
        try terminal.waitFor("mlw [3]> ")
        terminal.sendLine("hint")
        try terminal.waitFor("hint 1 of 2: The command reads `load NAME from PATH target=COLUMN`")
        try terminal.waitFor("mlw [4]> ")
        terminal.sendLine("load cancer from \"samples/data/breast_cancer.csv\" target=diagnosis")
        try terminal.waitFor("✓ step 1 done: Load the data")
        try terminal.waitFor("── Step 2 of 7 · Hold out a test set ──")
        try terminal.waitFor("mlw [5]> ")
        terminal.sendLine("split cancer into train, test ratio=0.7")
        try terminal.waitFor("not yet: test.rows is 171, not 114 — use ratio=0.8")
        try terminal.waitFor("mlw [6]> ")
        terminal.sendLine("quit lesson")
        try terminal.waitFor("left lesson experimentation (at step 2 of 7)")
        try terminal.waitFor("mlw [7]> ")
        terminal.send(PseudoTerminal.Key.ctrlD)
        #expect(try terminal.waitForExit() == 0)

        let again = try TerminalSession(arguments: ["lesson", "1"], in: session.directory)
        try again.terminal.waitFor("Welcome back: your work so far is rebuilt (3 commands); you are at step 2.")
        try again.terminal.waitFor("mlw [2]> ")
        again.terminal.sendLine("skip")
        try again.terminal.waitFor("✓ step 2 skipped: Hold out a test set")
        try again.terminal.waitFor("mlw [3]> ")
        again.terminal.sendLine("lesson")
        try again.terminal.waitFor("at step 3 of 7")
        try again.terminal.waitFor("mlw [4]> ")
        again.terminal.send(PseudoTerminal.Key.ctrlD)
        #expect(try again.terminal.waitForExit() == 0)
    }

    @Test func upArrowRecallsAndCtrlCCancels() throws {
        let session = try TerminalSession()
        let terminal = session.terminal
        try terminal.waitFor("mlw [1]> ")
        terminal.sendLine("print \"first-line\"")
        try terminal.waitFor("first-line\n")
        try terminal.waitFor("mlw [2]> ")
        terminal.send(PseudoTerminal.Key.up)
        try terminal.waitFor("print \"first-line\"")
        terminal.send(PseudoTerminal.Key.enter)
        try terminal.waitFor("first-line\n")
        try terminal.waitFor("mlw [3]> ")
        terminal.send("this is not finished")
        try terminal.waitFor("finished")
        terminal.send(PseudoTerminal.Key.ctrlC)
        try terminal.waitFor("mlw [3]> ")
        terminal.sendLine("print \"still-alive\"")
        try terminal.waitFor("still-alive\n")
        try terminal.waitFor("mlw [4]> ")
        terminal.send(PseudoTerminal.Key.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlRSearchesHistory() throws {
        let session = try TerminalSession()
        let terminal = session.terminal
        try terminal.waitFor("mlw [1]> ")
        terminal.sendLine("print \"alpha-value\"")
        try terminal.waitFor("mlw [2]> ")
        terminal.sendLine("print \"beta-value\"")
        try terminal.waitFor("mlw [3]> ")
        terminal.send(PseudoTerminal.Key.ctrlR + "alpha")
        try terminal.waitFor("alpha")
        terminal.send(PseudoTerminal.Key.enter)
        try terminal.waitFor("alpha-value\n")
        try terminal.waitFor("mlw [")
        terminal.send(PseudoTerminal.Key.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aRecordedSessionReplaysAndAnEditIsCaught() throws {
        let session = try TerminalSession()
        let terminal = session.terminal
        try terminal.waitFor("mlw [1]> ")
        for (number, line) in [
            "load iris from \"samples/data/iris.csv\" target=species",
            "split iris into train, test ratio=0.8 seed=42 stratify=true",
            "train lr = logistic on train",
            "lod typo",
            "evaluate lr on test",
            "assert lr.test.accuracy >= 0.9",
        ].enumerated() {
            terminal.sendLine(line)
            try terminal.waitFor("mlw [\(number + 2)]> ", timeout: 30)
        }
        terminal.send(PseudoTerminal.Key.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        let files = session.sessionFiles
        try #require(files.count == 1)
        let text = try String(contentsOfFile: files[0], encoding: .utf8)
        #expect(text.contains("#! failed: lod typo\n#> error: unknown command `lod`"))
        #expect(text.contains("assert lr.test.accuracy >= 0.9\n#> passed"))
        #expect(try session.replay(["--check", files[0]]) == 0)
        let edited = text.replacingOccurrences(of: "#> passed: ", with: "#> PASSED: ")
        try edited.write(toFile: files[0], atomically: true, encoding: .utf8)
        #expect(try session.replay(["--check", files[0]]) == 3)
    }

    @Test func colourOnATerminalButNotWithNoColor() throws {
        for noColor in [false, true] {
            let session = try TerminalSession(environment: noColor ? ["NO_COLOR": "1"] : [:])
            let terminal = session.terminal
            try terminal.waitFor("mlw [1]> ")
            terminal.sendLine("lod x")
            try terminal.waitFor("unknown command `lod`")
            try terminal.waitFor("mlw [2]> ")
            terminal.send(PseudoTerminal.Key.ctrlD)
            #expect(try terminal.waitForExit() == 0)
            let raw = String(decoding: terminal.rawOutput, as: UTF8.self)
            #expect(raw.contains("\u{1B}[31m") == !noColor)
        }
    }
}
