import Foundation

/// Writes a data frame as RFC 4180 CSV that `CSVReader` reads back to the same frame: a header row,
/// numbers in their shortest exact form, missing values as empty fields, and a field quoted only when
/// it holds a comma, a quote, a line break, or leading or trailing spaces.
public enum CSVWriter {
    public static func text(_ frame: DataFrame) -> String {
        var out = frame.columns.map { field($0.name) }.joined(separator: ",") + "\n"
        out.reserveCapacity(frame.rowCount * frame.columns.count * 8)
        for row in 0..<frame.rowCount {
            var first = true
            for column in frame.columns {
                if !first { out += "," }
                first = false
                out += field(column.text(at: row))
            }
            out += "\n"
        }
        return out
    }

    /// Rows of cell texts under a header; nil cells are written empty (missing).
    public static func text(header: [String], rows: [[String?]]) -> String {
        var out = header.map(field).joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { field($0 ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
