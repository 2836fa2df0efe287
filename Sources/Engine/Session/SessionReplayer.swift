/// Replays a session file in a fresh session, as `mlw run` does. The engine knows only this protocol; the front
/// end that has the runner gives the real one (`Session.replayer`).
public protocol SessionReplayer: AnyObject {
    /// Replays `path` with a fresh temporary store; with `check`, compares each command's output with its `#>` lines.
    func replay(_ path: String, check: Bool) -> ReplaySummary
}

/// How a replay went, as `mlw run` would report it.
public struct ReplaySummary: Sendable, Equatable {
    /// Commands that ran, and how many of them passed (ran, and matched when checked).
    public var commands: Int
    public var passed: Int
    /// Errors and output differences, each as `FILE:LINE: ...`.
    public var problems: [String]
    /// The exit code `mlw run` gives: 0 ok, 1 a command failed, 2 an assert failed, 3 a difference, 64 usage.
    public var exitCode: Int32

    public init(commands: Int, passed: Int, problems: [String], exitCode: Int32) {
        self.commands = commands
        self.passed = passed
        self.problems = problems
        self.exitCode = exitCode
    }
}
