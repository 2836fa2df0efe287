extension LearningError {
    static func cannotRead(_ file: String, reason: String) -> LearningError {
        LearningError("cannot read the file: \(reason)", file: file)
    }

    static func emptyFile(_ file: String) -> LearningError {
        LearningError("the file is empty; expected a header row and at least one data row", file: file)
    }

    static func noDataRows(_ file: String, line: Int) -> LearningError {
        LearningError("the file has a header but no data rows", file: file, line: line)
    }

    static func duplicateColumn(_ name: String, first: Int, second: Int, file: String, line: Int, column: Int) -> LearningError {
        LearningError("duplicate column name `\(name)` (columns \(first) and \(second)); expected unique names", file: file, line: line, column: column)
    }

    static func wrongFieldCount(expected: Int, found: Int, file: String, line: Int) -> LearningError {
        LearningError("expected \(expected) fields, found \(found)", file: file, line: line)
    }

    static func unterminatedQuote(file: String, line: Int, column: Int) -> LearningError {
        LearningError("unterminated quoted field: no closing `\"` before the end of the file", file: file, line: line, column: column)
    }

    static func textAfterQuote(_ found: String, separator: UInt8, file: String, line: Int, column: Int) -> LearningError {
        LearningError("expected \(spell(separator)) or end of line after a closing `\"`, found `\(found)`", file: file, line: line, column: column)
    }

    static func invalidUTF8(byte: UInt8, file: String, line: Int, column: Int) -> LearningError {
        let hex = String(byte, radix: 16, uppercase: true)
        return LearningError("invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); expected UTF-8 text", file: file, line: line, column: column)
    }

    static func infiniteNumber(_ text: String, column name: String, file: String, line: Int, column: Int) -> LearningError {
        LearningError("`\(text)` in numeric column `\(name)` is not a finite number; expected a finite number, "
                      + "or an empty field or NA for a missing value", file: file, line: line, column: column)
    }

    static func unknownTarget(_ target: String, columns: [String], file: String) -> LearningError {
        var message = "no column named `\(target)`"
        if let nearest = EditDistance.nearest(to: target, in: columns) {
            message += " (did you mean `\(nearest)`?)"
        }
        let shown = columns.prefix(30).joined(separator: ", ")
        message += "; expected one of: " + shown + (columns.count > 30 ? ", and \(columns.count - 30) more" : "")
        return LearningError(message, file: file)
    }

    private static func spell(_ separator: UInt8) -> String {
        switch separator {
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ","): "`,`"
        case UInt8(ascii: ";"): "`;`"
        default: "`\(Character(Unicode.Scalar(separator)))`"
        }
    }
}

/// Line and column (1-based, columns counted in characters) of byte offsets in a file.
struct TextPosition {
    let line: Int
    let column: Int

    /// The position of `offset`, ignoring a byte-order mark at the start of the file.
    init(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, bomLength: Int) {
        var line = 1
        var lineStart = bomLength
        for i in bomLength..<offset where bytes[i] == CSVScanner.lineFeed {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        self.line = line
        self.column = column
    }
}
