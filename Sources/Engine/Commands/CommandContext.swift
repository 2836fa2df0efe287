import Foundation
import Language

/// What a command handler works with: the parsed command, the session, and where output goes.
struct CommandContext {
    let command: Command
    let session: Session
    let interpreter: Interpreter
    let emit: (OutputEvent) -> Void

    var table: CommandTable { interpreter.table }

    var acceptedOptions: [OptionSpec] {
        guard let spec = table.command(named: command.name) else { return [] }
        let algorithm = command.slot("ALGO").flatMap { try? resolve($0.value, at: $0.range).text }
        return table.options(for: spec, algorithm: algorithm)
    }

    /// A value with `$NAME` replaced by the parameter's value.
    func resolve(_ value: Value, at range: SourceRange) throws(Diagnostic) -> Value {
        if case .list(let items) = value {
            var resolved: [Value] = []
            for item in items { resolved.append(try resolve(item, at: range)) }
            return .list(resolved)
        }
        guard case .parameter(let name) = value else { return value }
        guard let bound = session.parameters[name] else {
            throw Diagnostic("unknown parameter `$\(name)`", at: range,
                             hint: Suggestion.hint(for: name, in: Array(session.parameters.keys)) ?? "define it first with `param \(name)=VALUE`")
        }
        return bound
    }

    /// The text of a slot (a name or a path), parameters resolved.
    func text(_ slot: String) throws(Diagnostic) -> Located<String> {
        guard let located = command.slot(slot) else {
            throw Diagnostic("`\(command.name)` needs \(slot)", at: command.range)
        }
        let value = try resolve(located.value, at: located.range)
        guard let text = value.text else {
            throw Diagnostic("expected a name or a quoted string for \(slot), got \(value.kindName) `\(value)`", at: located.range)
        }
        return Located(text, located.range)
    }

    /// An option's value after parameters are resolved and its type checked again, or nil when absent.
    func option(_ key: String) throws(Diagnostic) -> Located<Value>? {
        guard let option = command.option(key) else { return nil }
        let value = try resolve(option.value, at: option.valueRange)
        if let spec = acceptedOptions.first(where: { $0.name == key }), let problem = spec.type.problem(with: value) {
            throw Diagnostic("option `\(key)`: \(problem)", at: option.valueRange, hint: spec.help)
        }
        return Located(value, option.valueRange)
    }

    func number(_ key: String, default fallback: Double) throws(Diagnostic) -> Double {
        try option(key)?.value.numberValue ?? fallback
    }

    func integer(_ key: String) throws(Diagnostic) -> Int? {
        try option(key)?.value.numberValue.map { Int($0) }
    }

    func flag(_ key: String) throws(Diagnostic) -> Bool? {
        guard let value = try option(key)?.value else { return nil }
        if case .bool(let flag) = value { return flag }
        return nil
    }

    func string(_ key: String) throws(Diagnostic) -> String? {
        try option(key)?.value.text
    }

    /// The seed option, or the session's seed.
    func seed() throws(Diagnostic) -> UInt64 {
        try integer("seed").map { UInt64($0) } ?? session.seed
    }

    /// Writes `data` to the file at `path`, whose folder must exist.
    func write(_ data: Data, toExisting path: Located<String>) throws(Diagnostic) {
        let directory = URL(fileURLWithPath: path.value).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic("cannot write \(path.value): there is no directory \(directory)", at: path.range)
        }
        do {
            try data.write(to: URL(fileURLWithPath: path.value), options: .atomic)
        } catch {
            throw Diagnostic("cannot write \(path.value): \(error.localizedDescription)", at: path.range)
        }
    }

    /// Writes `text` to the file at `path`, making its folder when needed.
    func write(_ text: String, to path: Located<String>) throws(Diagnostic) {
        do {
            let url = URL(fileURLWithPath: path.value)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw Diagnostic("cannot write \(path.value): \(error.localizedDescription)", at: path.range)
        }
        session.writtenFiles.insert(path.value)
    }

    func say(_ text: Text) { emit(.line(text)) }
    func say(_ string: String) { emit(.line(Text(string))) }
}
