import CLibEdit
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An interactive line reader over libedit: editing keys, history (Up, Ctrl-R),
/// Tab completion, Ctrl-C to cancel a line, Ctrl-D to end.
///
/// Create one per process, and only when stdin and stdout are terminals
/// (`isatty(0) != 0 && isatty(1) != 0`); read piped input with Swift's `readLine()`.
/// ```swift
/// let editor = LineEditor(historyFile: home + "/.mlw_history")
/// editor.completer = { line, cursor in ... }
/// loop: while true {
///     switch editor.readLine(prompt: "mlw [1]> ") {
///     case .line(let text): editor.addToHistory(text); run(text)
///     case .interrupted: continue  // "^C" and a newline are already printed
///     case .endOfInput: break loop  // so is the newline after "^D"
///     }
/// }
/// ```
public final class LineEditor {
    /// Offers Tab completions for the line and cursor (`Character` offset); see ``Completion``.
    public var completer: (@Sendable (_ line: String, _ cursor: Int) -> Completion)? {
        didSet {
            let completer = completer
            installedCompleter.withLock { $0 = completer }
        }
    }

    private let historyFile: HistoryFile?
    private var lastEntry: String?

    /// Sets up libedit and loads the newest `historyLimit` entries of `historyFile` (if given).
    public init(historyFile: String?, historyLimit: Int = 1000) {
        let limit = max(1, historyLimit)
        self.historyFile = historyFile.map { HistoryFile(path: $0, limit: limit) }

        Self.useUTF8CharacterType()  // before libedit starts, or it drops non-ASCII input
        mlw_set_readline_name(strdup("mlw"))  // `mlw:` lines of ~/.editrc apply; kept for the process
        mlw_set_catch_signals(1)  // libedit restores the terminal on signals, redraws after SIGWINCH/SIGCONT
        _ = mlw_use_interruptible_getc(mlw_getc)  // Ctrl-C ends readline() wherever it lands
        mlw_enter_raw_mode_before_prompt()  // keys typed as soon as the prompt shows are libedit's
        rl_initialize()
        mlw_set_word_break_characters(strdup(Self.wordBreakCharacters))
        mlw_set_completion_query_items(200)
        mlw_set_attempted_completion_function(completeWord)
        stifle_history(Int32(clamping: limit))

        for entry in self.historyFile?.load() ?? [] {
            add_history(entry)
            lastEntry = entry
        }
    }

    /// Reads one line, showing `prompt`. Wrap invisible escape sequences in
    /// the prompt in `"\u{1}"` … `"\u{2}"` so libedit measures it right.
    ///
    /// Ctrl-C cancels the line (``LineInput/interrupted``); Ctrl-D on an empty
    /// line gives ``LineInput/endOfInput``. In both cases the cursor is left on
    /// a fresh line. SIGINT is caught only while this call waits.
    public func readLine(prompt: String) -> LineInput {
        mlw_write_output("")  // what the caller printed comes before the prompt
        mlw_install_sigint_handler()
        let raw = readline(prompt)
        mlw_restore_sigint_handler()
        let interrupted = mlw_take_interrupt() != 0
        guard let raw else {
            mlw_write_output(interrupted ? "^C\n" : "\n")
            return interrupted ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a submitted line to the history and appends it to the history file.
    /// Trailing blanks are dropped (libedit drops one when recalling a line anyway);
    /// blank lines and a repeat of the previous entry are skipped.
    public func addToHistory(_ line: String) {
        guard let entry = Self.historyEntry(for: line, after: lastEntry) else { return }
        add_history(entry)
        lastEntry = entry
        historyFile?.append(entry)
    }

    /// What `line` adds to a history whose newest entry is `last`, if anything.
    static func historyEntry(for line: String, after last: String?) -> String? {
        var entry = Substring(line)
        while let end = entry.last, end == " " || end == "\t" { entry.removeLast() }
        guard !entry.allSatisfy(\.isWhitespace), String(entry) != last else { return nil }
        return String(entry)
    }

    /// Word breaks for libedit's own idea of the word it replaces (see ``CompletionPlan``).
    /// `.` is left out so that file names inside strings stay whole.
    static let wordBreakCharacters = " \t\n\"\\'`@$><=;|&{}()[],+*%!?:#^~/-"

    /// Selects the environment's `LC_CTYPE`, or `C.UTF-8` when that is not UTF-8.
    private static func useUTF8CharacterType() {
        if setlocale(LC_CTYPE, "") != nil, let codeset = nl_langinfo(nl_item(CODESET)),
           String(cString: codeset) == "UTF-8" {
            return
        }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

/// The completer of the process's `LineEditor`: libedit's C callback cannot capture it.
private let installedCompleter = Mutex<(@Sendable (String, Int) -> Completion)?>(nil)

/// libedit's `rl_attempted_completion_function`: asks the completer and hands
/// libedit a malloc'd, NULL-terminated matches array (libedit frees it).
private func completeWord(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    mlw_set_attempted_completion_over(1)  // never fall back to libedit's file-name completion
    guard let text, let buffer = mlw_line_buffer(),
          let completer = installedCompleter.withLock({ $0 })
    else { return nil }
    let bytes = UnsafeBufferPointer(
        start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: strlen(buffer))
    let point = min(max(Int(mlw_point()), 0), bytes.count)  // a byte offset
    let line = String(decoding: bytes, as: UTF8.self)
    let cursor = String(decoding: bytes[..<point], as: UTF8.self).count
    guard let plan = CompletionPlan(
        line: line, cursor: cursor, completion: completer(line, cursor),
        libeditWord: String(cString: text))
    else { return nil }
    mlw_set_completion_append_character(Int32(plan.appendCharacter))

    guard let raw = malloc((plan.matches.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)
    else { return nil }
    let matches = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: plan.matches.count + 1)
    for (index, match) in plan.matches.enumerated() { matches[index] = strdup(match) }
    matches[plan.matches.count] = nil
    return matches
}
