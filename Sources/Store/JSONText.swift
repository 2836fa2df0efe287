/// JSON text written by hand for the shapes the serving path writes many of (lists of strings, rows of cells):
/// `JSONEncoder` costs far more than the text itself. `JSONDecoder` reads it back.
public enum JSONText {
    /// `["a","b"]`
    public static func list(_ strings: [String]) -> String {
        var out: [UInt8] = [.openBracket]
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(.comma) }
            appendQuoted(string, to: &out)
        }
        out.append(.closeBracket)
        return String(decoding: out, as: UTF8.self)
    }

    /// `[["1.5",null],["2","x"]]`
    public static func rows(_ rows: [[String?]]) -> String {
        var text = Rows()
        for row in rows { text.append(row) }
        return text.text
    }

    /// Rows of cells as JSON text (`[["1.5",null],["2","x"]]`), written a row at a time: for a writer with the cells
    /// at hand, no array of rows in between.
    public struct Rows: Sendable {
        private var bytes: [UInt8] = [.openBracket]
        /// The rows written.
        public private(set) var count = 0

        public init() {}

        /// Writes a row of cell texts (nil: missing).
        public mutating func append(_ cells: [String?]) {
            append(cells.count) { cells[$0] }
        }

        /// Writes a row of `width` cells, the text of each (nil: missing) from `cell`.
        public mutating func append(_ width: Int, cell: (Int) -> String?) {
            if count > 0 { bytes.append(.comma) }
            bytes.append(.openBracket)
            for column in 0..<width {
                if column > 0 { bytes.append(.comma) }
                if let text = cell(column) { appendQuoted(text, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
            }
            bytes.append(.closeBracket)
            count += 1
        }

        public var text: String { String(decoding: bytes + [.closeBracket], as: UTF8.self) }
    }

    /// Appends `text` as a JSON string literal in UTF-8: quotes, backslashes and control characters escaped.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(.quote)
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == .quote || $0 == .backslash || $0 < 0x20 }) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case .quote: out.append(contentsOf: #"\""#.utf8)
                case .backslash: out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: out.append(byte)
                }
            }
        }
        out.append(.quote)
    }
}

private extension UInt8 {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ",")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
}
