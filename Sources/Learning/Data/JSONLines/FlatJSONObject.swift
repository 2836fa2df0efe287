/// A value of a JSON Lines row: the flat kinds a table cell can hold.
enum JSONCell {
    /// A number, with its text as written (kept for a column that turns out to be text).
    case number(Double, text: String)
    case string(String)
    case bool(Bool)
    case null
}

/// Parses one JSON object whose values are flat (numbers, strings, `true`/`false`, `null`) from a line of bytes,
/// keeping the keys in the order they are written.
struct FlatJSONObject {
    /// Where and why a line is not such an object.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at: Int
    private let end: Int

    /// The fields of the object in `bytes[range]`, which must hold that object and nothing else but spaces.
    static func fields(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(Failure) -> [(key: String, value: JSONCell)] {
        var parser = FlatJSONObject(bytes: bytes, at: range.lowerBound, end: range.upperBound)
        return try parser.object()
    }

    private mutating func object() throws(Failure) -> [(key: String, value: JSONCell)] {
        skipSpace()
        guard peek == UInt8(ascii: "{") else { throw fail("expected a JSON object `{...}` on each line") }
        at += 1
        var fields: [(key: String, value: JSONCell)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            at += 1
        } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw fail("expected a quoted field name") }
                let keyStart = at
                let key = try string()
                if fields.contains(where: { $0.key == key }) {
                    at = keyStart
                    throw fail("the field `\(key)` appears twice in the row")
                }
                skipSpace()
                guard peek == UInt8(ascii: ":") else { throw fail("expected `:` after the field name `\(key)`") }
                at += 1
                skipSpace()
                fields.append((key, try value(of: key)))
                skipSpace()
                if peek == UInt8(ascii: ",") { at += 1; continue }
                guard peek == UInt8(ascii: "}") else { throw fail("expected `,` or `}` after the value of `\(key)`") }
                at += 1
                break
            }
        }
        skipSpace()
        guard at == end else { throw fail("expected the end of the line after the object") }
        return fields
    }

    private mutating func value(of key: String) throws(Failure) -> JSONCell {
        guard let peek else { throw fail("expected a value for `\(key)`") }
        switch peek {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw fail("`\(key)` holds \(peek == UInt8(ascii: "{") ? "an object" : "an array"); a row's values must be numbers, "
                       + "strings, true, false or null")
        default: throw fail("expected a value for `\(key)`")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let count = word.utf8.count
        let matches = at + count <= end && bytes[at..<at + count].elementsEqual(word.utf8)
        guard matches else { throw fail("expected a value") }
        at += count
    }

    /// A number as JSON writes it: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(Failure) -> JSONCell {
        let start = at
        func digits() -> Int {
            let first = at
            while at < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            return at - first
        }
        if peek == UInt8(ascii: "-") { at += 1 }
        guard digits() > 0 else { at = start; throw fail("expected a number") }
        if peek == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw fail("expected digits after the decimal point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw fail("expected digits in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        guard let number = Double(text) else { at = start; throw fail("expected a number") }
        guard number.isFinite else {
            at = start
            throw fail("`\(text)` is not a finite number (too large for a double); expected a finite number, or null")
        }
        return .number(number, text: text)
    }

    /// A quoted string, unescaped; `at` is on its opening quote.
    private mutating func string() throws(Failure) -> String {
        let open = at
        at += 1
        var out: [UInt8] = []
        while at < end {
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "\""):
                at += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                at += 1
                guard at < end else { break }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                default: at -= 2; throw fail("unknown escape `\\\(Character(Unicode.Scalar(escaped)))` in a string")
                }
            case 0..<0x20:
                throw fail("a control character in a string; write it escaped (\\n, \\t, \\u0001)")
            default:
                out.append(byte)
                at += 1
            }
        }
        at = open
        throw fail("unterminated string: no closing `\"` on this line")
    }

    /// The UTF-8 of a `\uXXXX` escape (a surrogate pair takes two); `at` is after the `u`.
    private mutating func unicodeEscape() throws(Failure) -> [UInt8] {
        var high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard at + 1 < end, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                throw fail("a lone surrogate in a \\u escape")
            }
            at += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate in a \\u escape") }
            high = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(high) {
            throw fail("a lone surrogate in a \\u escape")
        }
        return Array(String(Character(Unicode.Scalar(high)!)).utf8)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard at + 4 <= end else { throw fail("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[at])).hexDigitValue else { throw fail("expected four hex digits after \\u") }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    private var peek: UInt8? { at < end ? bytes[at] : nil }

    private mutating func skipSpace() {
        while at < end, [0x20, 0x09, 0x0D].contains(bytes[at]) { at += 1 }
    }

    private func fail(_ message: String) -> Failure { Failure(offset: at, message: message) }
}
