/// JSON text written by hand for the shapes the serving path writes many of (lists of strings, rows of cells):
/// `JSONEncoder` costs far more than the text itself. `JSONDecoder` reads it back.
public enum JSONText {
    /// `["a","b"]`
    public static func list(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(",") }
            appendQuoted(string, to: &out)
        }
        out.append("]")
        return out
    }

    /// `[["1.5",null],["2","x"]]`
    public static func rows(_ rows: [[String?]]) -> String {
        var out = "["
        out.reserveCapacity(rows.count * (2 + (rows.first?.count ?? 0) * 6))
        for (index, row) in rows.enumerated() {
            out.append(index > 0 ? ",[" : "[")
            for (column, cell) in row.enumerated() {
                if column > 0 { out.append(",") }
                if let cell { appendQuoted(cell, to: &out) } else { out.append("null") }
            }
            out.append("]")
        }
        out.append("]")
        return out
    }

    /// A JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
            out.append(text)
            out.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
