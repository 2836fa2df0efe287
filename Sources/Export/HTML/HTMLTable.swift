import Engine

/// A table as a real `<table>`: a header row, right-aligned number columns, and cells that hold charts as SVG.
enum HTMLTable {
    static func render(_ table: Table, ids: inout ChartIDs) -> String {
        func alignment(_ column: Int) -> String {
            column < table.columns.count && table.columns[column].alignment == .right ? " class=\"num\"" : ""
        }
        var html = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (index, column) in table.columns.enumerated() {
            html += "<th\(alignment(index))>\(column.title.htmlEscaped)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (row, cells) in table.rows.enumerated() {
            html += "<tr>"
            for column in table.columns.indices {
                let text = column < cells.count ? cells[column] : ""
                if let chart = table.chart(row: row, column: column), let svg = SVGCellChart.render(chart, ids: &ids) {
                    html += "<td class=\"chart-cell\">\(svg)</td>"
                } else {
                    html += "<td\(alignment(column))>\(text.htmlEscaped)</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table></div>"
        return html
    }
}
