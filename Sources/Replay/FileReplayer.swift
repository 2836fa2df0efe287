import Engine

/// Replays files for a session's `replay` command: the same runner as `mlw run`, its messages kept, not printed.
public final class FileReplayer: SessionReplayer {
    private let makeEndpoint: (@Sendable () -> any EndpointHost)?
    private let actor: String?

    /// - Parameter makeEndpoint: the endpoint a replayed file's `serve` starts; nil makes `serve` an error there.
    public init(actor: String? = nil, makeEndpoint: (@Sendable () -> any EndpointHost)? = nil) {
        self.actor = actor
        self.makeEndpoint = makeEndpoint
    }

    public func replay(_ path: String, check: Bool) -> ReplaySummary {
        final class Messages { var lines: [String] = [] }
        let messages = Messages()
        let runner = Runner(standardOutput: { _ in }, standardError: { messages.lines.append($0) })
        let report = runner.run(Runner.Options(file: path, check: check, actor: actor, makeEndpoint: makeEndpoint))
        let ran = report.results.filter { $0.status != .skipped }
        return ReplaySummary(commands: ran.count, passed: ran.count - report.failures, problems: messages.lines,
                             exitCode: report.status.rawValue)
    }
}
