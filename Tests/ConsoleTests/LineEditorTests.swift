import Foundation
@testable import LineEditing
@testable import MLWTestSupport
import Testing

/// The parts of line editing that need no terminal: the word under the cursor,
/// how a completion is handed to libedit, and the history file.
@Suite("Line editing without a terminal")
struct LineEditorTests {
    @Test(arguments: [
        ("lo", 2, 0, "lo", false),
        ("load iris fr", 12, 10, "fr", false),
        ("load iris from \"samples/da", 26, 16, "samples/da", true),
        ("load iris from \"my dir/ir", 25, 16, "my dir/ir", true),
        ("load iris from \"a.csv\" ta", 25, 23, "ta", false),
        ("x = f(ab", 8, 6, "ab", false),
        ("print \"é", 8, 7, "é", true),
        ("", 0, 0, "", false),
    ])
    func wordUnderTheCursor(line: String, cursor: Int, start: Int, text: String, quoted: Bool) {
        #expect(Completion.word(in: line, cursor: cursor) == CompletionWord(start: start, text: text, isQuoted: quoted))
    }

    @Test func aUniqueWordGetsASpace() {
        let plan = CompletionPlan(
            line: "desc", cursor: 4, completion: Completion(start: 0, candidates: ["describe"]), libeditWord: "desc")
        #expect(plan == CompletionPlan(matches: ["describe", "describe"], appendCharacter: UInt8(ascii: " ")))
    }

    @Test func severalCandidatesCompleteTheirCommonPrefix() {
        let plan = CompletionPlan(
            line: "l", cursor: 1, completion: Completion(start: 0, candidates: ["load", "logistic"]), libeditWord: "l")
        #expect(plan?.matches == ["lo", "load", "logistic"])
    }

    @Test func theTypedWordIsNeverShortened() {
        let plan = CompletionPlan(
            line: "logi", cursor: 4, completion: Completion(start: 0, candidates: ["logistic", "lgbm"]), libeditWord: "logi")
        #expect(plan?.matches == ["logi", "logistic", "lgbm"])
    }

    @Test func aQuotedPathIsRebasedOnLibeditsWordAndClosed() {
        // libedit's word stops at the space and the slash; the completer's runs back to the quote.
        let line = "load \"my dir/ir"
        let plan = CompletionPlan(
            line: line, cursor: 15, completion: Completion(start: 6, candidates: ["my dir/iris.csv"]), libeditWord: "ir")
        #expect(plan == CompletionPlan(matches: ["iris.csv\"", "iris.csv\""], appendCharacter: UInt8(ascii: " ")))
    }

    @Test func aDirectoryGetsNothingAppended() {
        let plan = CompletionPlan(
            line: "load \"sam", cursor: 9, completion: Completion(start: 6, candidates: ["samples/"]), libeditWord: "sam")
        #expect(plan == CompletionPlan(matches: ["samples/", "samples/"], appendCharacter: 0))
    }

    @Test func anOptionKeyGetsNothingAppended() {
        let plan = CompletionPlan(
            line: "split d rat", cursor: 11, completion: Completion(start: 8, candidates: ["ratio="]), libeditWord: "rat")
        #expect(plan == CompletionPlan(matches: ["ratio=", "ratio="], appendCharacter: 0))
    }

    @Test func aShorterCompleterWordIsPrefixedWithLibedits() {
        let plan = CompletionPlan(
            line: "m.pre", cursor: 5, completion: Completion(start: 2, candidates: ["predict"]), libeditWord: "m.pre")
        #expect(plan?.matches == ["m.predict", "m.predict"])
    }

    @Test func noCandidatesNoPlan() {
        #expect(CompletionPlan(line: "zz", cursor: 2, completion: .none, libeditWord: "zz") == nil)
        let unrelated = Completion(start: 6, candidates: ["other dir/x"])
        #expect(CompletionPlan(line: "load \"my dir/ir", cursor: 15, completion: unrelated, libeditWord: "ir") == nil)
    }

    @Test(arguments: [
        ("describe ", nil, "describe"),
        ("describe", "describe", nil),
        ("   ", nil, nil),
        ("", "x", nil),
        ("print \"a b\"\t ", "x", "print \"a b\""),
    ] as [(String, String?, String?)])
    func historyEntries(line: String, last: String?, entry: String?) {
        #expect(LineEditor.historyEntry(for: line, after: last) == entry)
    }

    @Test func historyFileRoundTripsAndAppends() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = HistoryFile(path: path, limit: 10)
        #expect(file.load().isEmpty)
        for entry in ["one", "two \\ back", "multi\nline", "café é"] { file.append(entry) }
        #expect(file.load() == ["one", "two \\ back", "multi\nline", "café é"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo \\\\ back\nmulti\\nline\ncafé é\n")
    }

    @Test func historyFileKeepsTheNewestEntriesAndIsCutBack() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = HistoryFile(path: path, limit: 3)
        for number in 1...5 { file.append("line \(number)") }
        #expect(file.load() == ["line 3", "line 4", "line 5"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 5)  // not yet twice the limit
        for number in 6...7 { file.append("line \(number)") }
        #expect(file.load() == ["line 5", "line 6", "line 7"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line 5\nline 6\nline 7\n")
    }

    private func temporaryPath() -> String {
        NSTemporaryDirectory() + "mlw-history-" + UUID().uuidString
    }
}

/// The test harness itself: a terminal emulator good enough for libedit, and
/// a pseudo-terminal that drives `/bin/sh`.
@Suite("Pseudo-terminal harness")
struct PseudoTerminalTests {
    @Test(arguments: [
        ("abc\r\nxyz", "abc\nxyz"),
        ("prompt> ab\r\u{1B}[9Gcd", "prompt> cd"),  // redraw from column 9
        ("hello\u{08}\u{08}\u{1B}[K!", "hel!"),  // back two, erase to the end
        ("abcdef\r\u{1B}[2C\u{1B}[2P", "abef"),  // delete two characters
        ("abc\r\u{1B}[1C\u{1B}[1@X", "aXbc"),  // insert a blank, then write
        ("\u{1B}[1;32mgreen\u{1B}[0m \u{1B}]0;title\u{07}x", "green x"),
        ("日本\u{1B}[1D\u{1B}[1Dx", "日x"),  // wide characters take two columns
        ("0123456789ABC", "0123456789ABC"),  // wrapped at 10 columns, joined back
    ])
    func screenInterpretsEscapes(input: String, expected: String) {
        var screen = TerminalScreen(columns: 10, rows: 5)
        for byte in input.utf8 { screen.feed([byte]) }  // one byte at a time: sequences split across reads
        #expect(screen.text == expected)
    }

    @Test func waitForConsumesWhatItMatched() throws {
        let terminal = try shell("printf 'one\\ntwo\\none\\n'; sleep 5")
        #expect(try terminal.waitFor("one") == "one")
        #expect(try terminal.waitFor("one") == "\ntwo\none")
        #expect(terminal.output.hasPrefix("one\ntwo\none"))
    }

    @Test func typingReachesTheProgramAndCtrlCIsASignal() throws {
        let terminal = try shell(
            "trap 'echo got-INT; exit 0' INT; printf 'ready\\n'; read line; echo \"line=$line\"; while :; do sleep 0.1; done")
        try terminal.waitFor("ready")
        terminal.sendLine("héllo")
        try terminal.waitFor("line=héllo")
        terminal.send(PseudoTerminal.Key.ctrlC)
        try terminal.waitFor("got-INT")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func environmentWorkingDirectoryAndSizeArePassed() throws {
        let terminal = try shell("echo \"v=$MLW_TEST_VALUE t=$TERM\"; pwd; stty size", environment: ["MLW_TEST_VALUE": "42"])
        try terminal.waitFor("v=42 t=xterm")
        try terminal.waitFor("\n/tmp\n")
        try terminal.waitFor("40 100")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aTimeoutReportsTheOutputSoFar() throws {
        let terminal = try shell("echo partial; sleep 5")
        let error = #expect(throws: PseudoTerminalError.self) { try terminal.waitFor("never", timeout: 0.3) }
        #expect(error?.message.contains("timed out") == true)
        #expect(error?.output.contains("partial") == true)
    }

    @Test func anExitedProgramFailsAWaitAtOnce() throws {
        let terminal = try shell("echo bye; exit 3")
        let started = ContinuousClock.now
        #expect(throws: PseudoTerminalError.self) { try terminal.waitFor("never", timeout: 10) }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(try terminal.waitForExit() == 3)
    }

    private func shell(_ script: String, environment: [String: String] = [:]) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", script],
            environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }, workingDirectory: "/tmp")
    }
}
