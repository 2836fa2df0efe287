import Foundation
import Language

/// `param`, `set`, `print`, `assert`, `include`, `history` and `save`.
enum ScriptingCommands {
    static func param(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME").value
        guard let written = context.command.slot("VALUE") else { return .ok }
        var value = written.value
        if let override = context.session.parameterOverrides[name] {
            value = override
        } else {
            value = try context.resolve(written.value, at: written.range)
        }
        context.session.parameters[name] = value
        context.say("param \(name) = \(value)")
        return .ok
    }

    static func set(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        if let seed = try context.integer("seed") {
            context.session.seed = UInt64(seed)
            context.say("seed = \(seed)")
        }
        return .ok
    }

    static func print(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        guard let slot = context.command.slot("PATH") else { return .ok }
        let shown: Text
        switch slot.value {
        case .word(let path):
            let value = try ValuePaths.lookup(path, at: slot.range, in: context.session).description
            shown = ValuePaths.recordedForm(of: path).map { Text([.volatile(shown: value, recorded: $0)]) } ?? Text([.plain(value)])
        default:
            let value = try context.resolve(slot.value, at: slot.range)
            shown = Text([.plain(value.text ?? value.description)])
        }
        context.emit(.value(shown))
        return .ok
    }

    static func assert(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        guard let left = context.command.slot("PATH"), let op = context.command.slot("OP")?.value.text,
              let comparison = ComparisonOperator(rawValue: op), let right = context.command.slot("VALUE") else { return .ok }
        let actual: SessionValue = switch left.value {
        case .word(let path): try ValuePaths.lookup(path, at: left.range, in: context.session)
        default: SessionValue(try context.resolve(left.value, at: left.range))
        }
        var expectedValue = try context.resolve(right.value, at: right.range)
        if case .word(let path) = expectedValue, let known = try? ValuePaths.lookup(path, at: right.range, in: context.session) {
            expectedValue = known.literal
        }
        let expected = SessionValue(expectedValue)
        guard let holds = actual.satisfies(comparison, expected) else {
            throw Diagnostic("cannot compare \(actual) and \(expected) with `\(op)`: both sides must be numbers", at: left.range.through(right.range))
        }
        let written = right.value.description
        let shownExpected = written == expectedValue.description ? written : "\(written) (\(expected))"
        let statement = "\(left.value) = \(actual) \(op) \(shownExpected)"
        guard holds else {
            throw Diagnostic("\(left.value) \(op) \(shownExpected) does not hold: \(left.value) is \(actual)",
                             at: left.range.through(right.range), kind: .assertion)
        }
        context.say("passed: \(statement)")
        return .ok
    }

    static func include(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let path = try context.text("PATH")
        let session = context.session
        guard !session.includeStack.contains(path.value), session.includeStack.count < 16 else {
            throw Diagnostic("\(path.value) includes itself (\((session.includeStack + [path.value]).joined(separator: " → ")))", at: path.range)
        }
        guard let data = FileManager.default.contents(atPath: path.value), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic("cannot read \(path.value): no such file or not UTF-8 text", at: path.range)
        }
        let script = Script.parse(text, parser: context.interpreter.parser)
        if !script.diagnostics.isEmpty {
            let first = script.diagnostics[0]
            let details = script.diagnostics.flatMap { $0.rendered(file: path.value, sourceLine: $0.range.flatMap { script.sourceLine($0.line) }) }
            throw Diagnostic("\(path.value) has \(Formatting.count(script.diagnostics.count, "error")); nothing was run", at: path.range,
                             hint: details.joined(separator: "\n  ").isEmpty ? first.message : details.joined(separator: "\n  "))
        }
        session.includeStack.append(path.value)
        defer { session.includeStack.removeLast() }
        for (command, _) in script.commands {
            context.emit(.echo(command.source))
            switch context.interpreter.executeNested(command, emit: context.emit) {
            case .ok: continue
            case .quit: return .ok
            case .failed(let problem):
                let lines = problem.rendered(file: path.value, sourceLine: problem.range.flatMap { script.sourceLine($0.line) })
                throw Diagnostic("in \(lines[0])", at: path.range, hint: lines.dropFirst().joined(separator: "\n"), kind: problem.kind)
            }
        }
        return .ok
    }

    static func history(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        if context.command.slot("NAME") != nil { return try RegistryReports.history(context) }
        let entries = context.session.transcript
        guard !entries.isEmpty else {
            context.say("no commands yet")
            return .ok
        }
        for (index, entry) in entries.enumerated() {
            context.say("\(String(index + 1).leftPadded(to: 4))  \(entry.failed ? "✗ " : "")\(entry.source.replacingOccurrences(of: "\\\n", with: " "))")
        }
        return .ok
    }

    static func save(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let path = try context.text("PATH")
        let entries = SessionFile.entries(of: context.session)
        try context.write(SessionFile.text(of: context.session), to: path)
        context.session.values["save.path"] = .text(path.value)
        context.session.values["save.commands"] = .count(entries.count)
        context.say("saved \(Formatting.count(entries.count, "command")) to \(path.value)"
                    + (context.session.lesson == nil ? "" : " (the lesson's work, without its steering and guidance)"))
        return .ok
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
