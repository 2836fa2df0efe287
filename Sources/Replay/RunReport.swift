/// What happened to one command of a replayed file, for the summary and the JUnit report.
public struct CommandResult: Sendable {
    public enum Status: Sendable, Equatable {
        case passed
        case failed(String)
        case assertionFailed(String)
        case differs(String)
        case skipped
    }

    public var line: Int
    public var source: String
    public var status: Status
    public var seconds: Double
}

/// A file's parse error, found before anything ran.
public struct ParseError: Sendable, Equatable {
    public var line: Int
    /// The error as printed: `file:line:col: error: ...`, the source line and a caret.
    public var message: String
}

/// The outcome of replaying one file.
public struct RunReport: Sendable {
    public var file: String
    public var results: [CommandResult]
    public var status: ExitStatus
    /// Why nothing of the file ran, when it does not parse.
    public var parseErrors: [ParseError] = []

    public var failures: Int {
        results.filter { if case .passed = $0.status { false } else if case .skipped = $0.status { false } else { true } }.count
    }
}
