import Engine

/// One command of a notebook: its number, what was typed, and what it printed, or how it failed.
public struct Cell: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case passed
        case failed
        /// An `assert` that did not hold.
        case assertionFailed
        /// Not run, because an earlier command failed; the output shown is the file's recorded one.
        case notRun
    }

    /// 1, 2, 3 … in the order the commands ran.
    public var number: Int
    public var source: String
    /// The comment lines of the session file just before the command, without their `#`.
    public var comment: [String]
    /// The command's output events (progress left out).
    public var output: [OutputEvent]
    public var status: Status
    /// The error as printed (message, source line and caret, hint), for a failed cell.
    public var error: [String]
    /// The output is the session file's recorded `#>` lines, not this run's.
    public var isRecorded: Bool

    public init(number: Int, source: String, comment: [String] = [], output: [OutputEvent], status: Status = .passed,
                error: [String] = [], isRecorded: Bool = false) {
        self.number = number
        self.source = source
        self.comment = comment
        self.output = output.filter { if case .progress = $0 { false } else { true } }
        self.status = status
        self.error = error
        self.isRecorded = isRecorded
    }

    public var isFailure: Bool { status == .failed || status == .assertionFailed }

    /// A word for the cell's state: "failed", "assertion failed", "not run", or nil when it passed.
    public var statusLabel: String? {
        switch status {
        case .passed: nil
        case .failed: "failed"
        case .assertionFailed: "assertion failed"
        case .notRun: "not run"
        }
    }
}
