extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` escaped: safe as HTML text and in a quoted attribute.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Escaped text with `code spans` in backticks set as `<code>` (for the session file's comments).
    var htmlWithCodeSpans: String {
        let parts = split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return htmlEscaped }
        var result = ""
        for (index, part) in parts.enumerated() {
            let text = String(part).htmlEscaped
            if index % 2 == 1, index < parts.count - 1 {
                result += "<code>\(text)</code>"
            } else {
                result += index % 2 == 1 ? "`" + text : text
            }
        }
        return result
    }
}
