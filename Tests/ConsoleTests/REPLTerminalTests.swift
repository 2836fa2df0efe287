import Foundation
import MLWTestSupport
import Testing

let samplesData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples/data").path

/// A fresh working directory with the sample data linked in, and the REPL started in it on a pseudo-terminal.
final class TerminalSession {
    let directory: String
    let terminal: PseudoTerminal

    init(environment extra: [String: String] = [:]) throws {
        directory = NSTemporaryDirectory() + "mlw-pty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/samples", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/samples/data", withDestinationPath: samplesData)
        var environment = ["HOME": directory, "TERM": "xterm", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        terminal = try PseudoTerminal(executable: mlwBinary, arguments: [], environment: environment, workingDirectory: directory)
    }

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

    deinit { try? FileManager.default.removeItem(atPath: directory) }
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
