import Foundation

/// One recorded output line (`#> ...`) of a session file and where it stands.
public struct RecordedLine: Sendable, Equatable {
    public var text: String
    public var line: Int
}

/// One meaningful item of a session file.
public struct ScriptEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case command(Command)
        /// A line that does not parse; its diagnostics are in `Script.diagnostics`.
        case invalid(String)
        /// `#! name value`, such as `#! seed 42`.
        case directive(name: String, value: String)
        /// `#! failed: COMMAND`: a command that failed when recorded, kept so the file replays cleanly.
        case failed(String)
    }

    public var kind: Kind
    /// First and last physical line (continuations included).
    public var line: Int
    public var lastLine: Int
    /// The `#>` lines that follow, in order.
    public var recorded: [RecordedLine]
}

/// A session file split into commands, directives and their recorded output.
public struct Script: Sendable {
    public var entries: [ScriptEntry]
    public var diagnostics: [Diagnostic]
    /// The physical lines, for showing a diagnostic's source line.
    public var lines: [String]

    public var commands: [(command: Command, entry: ScriptEntry)] {
        entries.compactMap { entry in
            if case .command(let command) = entry.kind { return (command, entry) }
            return nil
        }
    }

    public func directive(_ name: String) -> String? {
        for entry in entries {
            if case .directive(name, let value) = entry.kind { return value }
        }
        return nil
    }

    public func sourceLine(_ line: Int) -> String? {
        line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }

    /// Parses a whole session file, collecting every error rather than stopping at the first.
    public static func parse(_ text: String, parser: Parser) -> Script {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        var entries: [ScriptEntry] = []
        var diagnostics: [Diagnostic] = []
        var outputOwner: Int?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            index += 1
            if trimmed.hasPrefix("#>") {
                var text = String(trimmed.dropFirst(2))
                if text.hasPrefix(" ") { text.removeFirst() }
                if let owner = outputOwner {
                    entries[owner].recorded.append(RecordedLine(text: text, line: number))
                }
                continue
            }
            if trimmed.hasPrefix("#!") {
                let body = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if body.hasPrefix("failed:") {
                    let source = body.dropFirst("failed:".count).trimmingCharacters(in: .whitespaces)
                    entries.append(ScriptEntry(kind: .failed(source), line: number, lastLine: number, recorded: []))
                    outputOwner = entries.count - 1
                } else {
                    let parts = body.split(separator: " ", maxSplits: 1)
                    entries.append(ScriptEntry(kind: .directive(name: parts.first.map(String.init) ?? "",
                                                                value: parts.count > 1 ? String(parts[1]) : ""),
                                               line: number, lastLine: number, recorded: []))
                    outputOwner = nil
                }
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var source = line
            var last = number
            while source.hasSuffix("\\"), index < lines.count {
                source += "\n" + lines[index]
                index += 1
                last += 1
            }
            switch parser.parse(source, firstLine: number) {
            case .command(let command):
                entries.append(ScriptEntry(kind: .command(command), line: number, lastLine: last, recorded: []))
                outputOwner = entries.count - 1
            case .empty:
                continue
            case .failure(let problems):
                diagnostics += problems
                entries.append(ScriptEntry(kind: .invalid(source), line: number, lastLine: last, recorded: []))
                outputOwner = entries.count - 1
            }
        }
        return Script(entries: entries, diagnostics: diagnostics, lines: lines)
    }
}
