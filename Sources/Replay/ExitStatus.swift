/// The exit codes of `mlw run`, from most to least severe.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// A command failed, or the file has parse errors (nothing was run then).
    case commandFailed = 1
    case assertionFailed = 2
    /// `--check` found output that differs from the recorded `#>` lines.
    case checkDifference = 3
    /// Bad flags, a missing file, an unknown `-p` name.
    case usage = 64

    public var meaning: String {
        switch self {
        case .success: "every command ran (and matched its recorded output with --check)"
        case .commandFailed: "a command failed, or the file does not parse (then nothing runs)"
        case .assertionFailed: "an assert did not hold"
        case .checkDifference: "--check: some output differs from the recorded #> lines"
        case .usage: "usage error: bad flags, unreadable file, unknown -p name"
        }
    }
}
