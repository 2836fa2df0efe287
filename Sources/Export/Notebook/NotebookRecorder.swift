import Engine
import Language

/// Collects a session's cells as a front end runs its commands, for `export html|markdown PATH` and `mlw export`.
public final class NotebookRecorder: NotebookKeeper {
    public var title: String
    public var details: [String]
    public private(set) var cells: [Cell] = []

    public init(title: String, details: [String] = []) {
        self.title = title
        self.details = details
    }

    public var notebook: Notebook { Notebook(title: title, details: details, cells: cells) }
    public var cellCount: Int { cells.count }

    public func page(_ format: NotebookFormat) -> String { notebook.page(format) }

    /// A command that ran, with the events it emitted and, if it failed, its diagnostic as printed.
    public func record(_ source: String, comment: [String] = [], output: [OutputEvent], failure: Diagnostic? = nil,
                       errorLines: [String]? = nil) {
        let status: Cell.Status = failure.map { $0.kind == .assertion ? .assertionFailed : .failed } ?? .passed
        let error = failure.map { errorLines ?? $0.rendered() } ?? []
        cells.append(Cell(number: cells.count + 1, source: source, comment: comment, output: output, status: status, error: error))
    }

    /// A line that did not parse, with every problem found.
    public func recordInvalid(_ source: String, problems: [String]) {
        cells.append(Cell(number: cells.count + 1, source: source, output: [], status: .failed, error: problems))
    }

    /// A command known only from a session file's recorded `#>` lines: a `#! failed:` command, or one not run.
    /// For a failed command the lines from `error:` (or `assertion failed:`) on are its error.
    public func recordFromFile(_ source: String, comment: [String] = [], lines: [String], failed: Bool) {
        guard failed else {
            cells.append(Cell(number: cells.count + 1, source: source, comment: comment, output: lines.map { .line(Text($0)) },
                              status: .notRun, isRecorded: true))
            return
        }
        let start = lines.firstIndex { $0.hasPrefix("error: ") || $0.hasPrefix("assertion failed: ") } ?? lines.count
        let assertion = start < lines.count && lines[start].hasPrefix("assertion failed: ")
        cells.append(Cell(number: cells.count + 1, source: source, comment: comment, output: lines[..<start].map { .line(Text($0)) },
                          status: assertion ? .assertionFailed : .failed, error: Array(lines[start...]), isRecorded: true))
    }
}
