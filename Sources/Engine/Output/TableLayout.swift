/// Lays a table out as aligned plain-text lines: a header, a rule, then the rows.
public enum TableLayout {
    public static func lines(_ table: Table) -> [String] {
        // A cell is one line: a line break or tab inside a value (a quoted CSV field) shows as an escape.
        let rows = table.rows.map { $0.map(\.onOneLine) }
        var widths = table.columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func layout(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in table.columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(column.alignment == .right ? padding + cell : cell + padding)
            }
            return parts.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [layout(table.columns.map(\.title))]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += rows.map(layout)
        return lines
    }
}

extension String {
    /// The text with line breaks and tabs written as `\n`, `\r` and `\t`.
    var onOneLine: String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\\r\\n").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
    }

    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
