import Language

/// `help` and `help COMMAND`, generated from the command table.
enum HelpCommand {
    static func help(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let table = context.table
        if let word = context.command.slot("COMMAND")?.value.text, case let forms = table.forms(named: word), !forms.isEmpty {
            for (index, spec) in forms.enumerated() {
                if index > 0 { context.say("") }
                describe(spec, table: table, context: context)
            }
            return .ok
        }
        var group = ""
        for spec in table.commands {
            if spec.group != group {
                group = spec.group
                context.say(Text(group == table.commands.first?.group ? group : "\n" + group))
            }
            context.say("  \(spec.usage.padded(to: 64)) \(spec.summary)")
        }
        context.say("")
        context.say("algorithms: " + table.algorithmNames.joined(separator: ", ") + "   (help train lists their parameters)")
        context.say("`help COMMAND` shows its options and an example. Values: 42, 0.8, 10%, 1e-3, \"text\", [1, 2], true, $param.")
        return .ok
    }

    private static func describe(_ spec: CommandSpec, table: CommandTable, context: CommandContext) {
        context.say(Text(spec.usage))
        context.say("  \(spec.summary)")
        if !spec.options.isEmpty {
            context.say("options:")
            for option in spec.options { context.say(Text(optionLine(option))) }
        }
        if spec.extraOptions != .none {
            context.say("algorithms and their parameters:")
            for algorithm in table.algorithms {
                context.say("  \(algorithm.name): \(algorithm.summary)")
                for parameter in algorithm.parameters { context.say(Text("  " + optionLine(parameter))) }
            }
        }
        context.say("example:")
        context.say("  \(spec.example)")
    }

    private static func optionLine(_ option: OptionSpec) -> String {
        let value = option.defaultText.map { "=\($0)" } ?? "="
        return "  \((option.name + value).padded(to: 20)) \(option.help); \(option.type.expectation)"
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
