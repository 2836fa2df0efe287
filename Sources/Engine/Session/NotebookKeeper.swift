/// The page formats of `export html|markdown PATH`.
public enum NotebookFormat: String, Sendable, CaseIterable {
    case html
    case markdown

    /// What a person calls it: "HTML", "Markdown".
    public var displayName: String { self == .html ? "HTML" : "Markdown" }
}

/// What `export html|markdown PATH` asks of the front end running the session: the commands so far,
/// with their output events, as one page. The engine keeps only recorded text, so the front end that
/// sees the events (the REPL, the runner) keeps the cells and renders them.
public protocol NotebookKeeper: AnyObject {
    /// How many commands the page holds.
    var cellCount: Int { get }
    /// The session so far as a self-contained page.
    func page(_ format: NotebookFormat) -> String
}
