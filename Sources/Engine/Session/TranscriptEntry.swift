import Foundation

/// One command of a session with its output as recorded (`#>` lines), or the error it failed with.
public struct TranscriptEntry: Sendable, Equatable {
    public var source: String
    public var output: [String]
    public var failed: Bool

    public init(source: String, output: [String], failed: Bool) {
        self.source = source
        self.output = output
        self.failed = failed
    }

    /// The entry as lines of a session file: the command (or `#! failed:` and the command), then `#> ` lines.
    public var fileLines: [String] {
        let head = failed ? ["#! failed: " + source.replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")] : [source]
        return head + output.map { $0.isEmpty ? "#>" : "#> " + $0 }
    }
}

/// The header and body of a session file.
public enum SessionFile {
    public static let version = "0.1.0"

    /// `#!` directives: the mlw version, the seed and the start time.
    public static func header(seed: UInt64, startedAt: Date) -> [String] {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return ["#! mlw \(version)", "#! seed \(seed)", "#! started \(formatter.string(from: startedAt))"]
    }

    /// A whole session file for `save`.
    public static func text(of session: Session) -> String {
        var lines = header(seed: session.initialSeed, startedAt: session.startedAt)
        for entry in session.transcript { lines += entry.fileLines }
        return lines.joined(separator: "\n") + "\n"
    }
}
