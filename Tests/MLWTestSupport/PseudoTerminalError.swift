#if canImport(Glibc)
import Glibc

/// Why a ``PseudoTerminal`` call failed, with the program's output since the last match.
public struct PseudoTerminalError: Error, CustomStringConvertible {
    public var message: String
    public var output: String

    public init(message: String, output: String = "") {
        self.message = message
        self.output = output
    }

    static func system(_ call: String) -> PseudoTerminalError {
        PseudoTerminalError(message: "\(call) failed: \(String(cString: strerror(errno)))")
    }

    public var description: String {
        output.isEmpty ? message : "\(message); output so far:\n\(output)"
    }
}
#endif
