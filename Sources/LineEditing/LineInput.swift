/// What one call to ``LineEditor/readLine(prompt:)`` produced.
public enum LineInput: Sendable, Equatable {
    /// A line the user submitted with Return, without its newline.
    case line(String)
    /// Ctrl-C: the line being edited was discarded; the caller prints a new prompt.
    case interrupted
    /// Ctrl-D on an empty line (or the terminal went away): the session should end.
    case endOfInput
}
