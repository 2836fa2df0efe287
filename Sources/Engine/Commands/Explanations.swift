import Language

/// `explain last`: why the last command chose what it chose on its own (which drift test, which preprocessing,
/// why a gate refused), in a sentence or two each. Commands add their reasons with `CommandContext.explain`.
enum Explanations {
    /// Commands that leave the last command's reasons in place: asking for them, or for help.
    static func keeps(_ command: Command) -> Bool {
        isExplainLast(command) || ["help", "hint", "history"].contains(command.name)
    }

    static func isExplainLast(_ command: Command) -> Bool {
        command.name == "explain" && command.slot("NAME") == nil
    }

    static func explainLast(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let session = context.session
        guard let last = session.explainedCommand else {
            throw Diagnostic("nothing has run yet to explain", at: context.command.range)
        }
        guard !session.explanations.isEmpty else {
            context.say("`\(last)` made no choice of its own to explain: it did what it was told")
            return .ok
        }
        context.say("why `\(last)` did what it did:")
        for reason in session.explanations { context.say("- " + reason) }
        return .ok
    }
}

extension CommandContext {
    /// Records why the command chose something on its own, for `explain last`. Nested commands (an include,
    /// a skipped lesson step) add to the reasons of the command that ran them.
    func explain(_ reason: String) {
        session.explanations.append(reason)
    }
}
