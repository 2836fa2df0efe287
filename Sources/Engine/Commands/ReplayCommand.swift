import Language

/// `replay PATH [check=true]`: a session file replayed in a fresh session, as CI runs it with `mlw run`.
enum ReplayCommand {
    static func replay(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let path = try context.text("PATH")
        guard let replayer = context.session.replayer else {
            throw Diagnostic("this session cannot replay files", at: path.range, hint: "run `mlw run \(path.value)` in a terminal")
        }
        let check = try context.flag("check") ?? false
        let summary = replayer.replay(path.value, check: check)
        let command = "mlw run\(check ? " --check" : "") \(path.value)"
        for problem in summary.problems { context.say("  " + problem) }
        guard summary.exitCode == 0 else {
            let why = switch summary.exitCode {
            case 2: "an assert did not hold"
            case 3: "output differs from the recording"
            case 64: "the file cannot be replayed"
            default: "a command failed"
            }
            throw Diagnostic("replay of \(path.value) failed: \(why) (`\(command)` exits \(summary.exitCode))", at: path.range,
                             hint: summary.exitCode == 3 ? "`mlw run --update \(path.value)` records the new output, if it is right" : nil)
        }
        let session = context.session
        session.values["replay.passed"] = .flag(true)
        session.values["replay.checked"] = .flag(check)
        session.values["replay.commands"] = .count(summary.commands)
        context.say("replayed \(path.value) in a fresh session: \(Formatting.count(summary.commands, "command")) ran"
                    + (check ? ", every output matched its recorded #> lines" : "") + " (`\(command)` exits 0)")
        return .ok
    }
}
