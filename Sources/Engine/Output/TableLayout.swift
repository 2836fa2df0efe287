/// Lays a table out as aligned plain-text lines: a header, a rule, then the rows.
public enum TableLayout {
    public static func lines(_ table: Table) -> [String] {
        var widths = table.columns.map { $0.title.count }
        for row in table.rows {
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
        lines += table.rows.map(layout)
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
