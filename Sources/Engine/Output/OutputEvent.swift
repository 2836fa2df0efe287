/// A piece of a line of text; a volatile piece shows one thing on screen and records another.
public enum Segment: Sendable, Equatable {
    case plain(String)
    /// A value that legitimately varies between runs (a duration, a time of day): shown as is,
    /// recorded in a normalised form so that replays compare equal.
    case volatile(shown: String, recorded: String)
}

/// One line of text made of segments.
public struct Text: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public var segments: [Segment]

    public init(_ segments: [Segment]) { self.segments = segments }
    public init(stringLiteral value: String) { segments = [.plain(value)] }
    public init(_ string: String) { segments = [.plain(string)] }

    public func string(recorded: Bool) -> String {
        segments.map { segment in
            switch segment {
            case .plain(let text): text
            case .volatile(let shown, let normalised): recorded ? normalised : shown
            }
        }.joined()
    }

    public static func + (lhs: Text, rhs: Text) -> Text { Text(lhs.segments + rhs.segments) }
}

/// A table: titled columns, rows of cells, numbers aligned right.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Columns whose cells legitimately vary between runs (who, when), by index, with the text recorded instead.
    public var volatileColumns: [Int: String]
    /// Columns of small charts, by index: one chart per row (nil where the cell is plain text), whose
    /// `text` is the cell's text in `rows`.
    public var charts: [Int: [CellChart?]]

    public init(columns: [Column], rows: [[String]], volatileColumns: [Int: String] = [:], charts: [Int: [CellChart?]] = [:]) {
        self.columns = columns
        self.rows = rows
        self.volatileColumns = volatileColumns
        self.charts = charts
    }

    /// The chart drawn in a cell, if it holds one.
    public func chart(row: Int, column: Int) -> CellChart? {
        guard let charts = charts[column], row < charts.count else { return nil }
        return charts[row]
    }

    /// The table as recorded: volatile cells replaced by their placeholders.
    public var recorded: Table {
        guard !volatileColumns.isEmpty else { return self }
        let rows = rows.map { row in
            row.enumerated().map { index, cell in volatileColumns[index] ?? cell }
        }
        return Table(columns: columns, rows: rows, charts: charts)
    }
}

/// What a command produces. The engine never prints: front ends render events.
public enum OutputEvent: Sendable, Equatable {
    /// An ordinary line of output.
    case line(Text)
    case table(Table)
    /// Curves on axes from 0 to 1 (ROC): a character grid in the terminal, a vector graphic in the HTML export.
    case plot(LinePlot)
    /// A bare value (`print`), alone on its line so scripts can read it; a timing is recorded normalised (`<ms>`).
    case value(Text)
    case warning(String)
    /// A command of an included file, announced before its output.
    case echo(String)
    /// A lesson's guidance: the step to do, whether it is done, a hint.
    case guide(String)
    /// How far a long piece of work has come (0…1): shown on a terminal, never recorded.
    case progress(String, Double)

    /// The event as plain lines, recorded (normalised) or as shown.
    public func lines(recorded: Bool) -> [String] {
        switch self {
        case .line(let text): [text.string(recorded: recorded)]
        case .table(let table): TableLayout.lines(recorded ? table.recorded : table)
        case .plot(let plot): plot.lines()
        case .value(let value): [value.string(recorded: recorded)]
        case .warning(let message): ["warning: " + message]
        case .echo(let source): ["» " + source.replacingOccurrences(of: "\n", with: " ")]
        case .guide(let text): [text]
        case .progress: []
        }
    }
}
