#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one field, between its quotes if it had them.
struct CSVField {
    var start: UnsafePointer<UInt8>
    var end: UnsafePointer<UInt8>
    /// The content still holds `""` pairs that stand for one `"`.
    var hasEscapedQuotes: Bool
    /// The byte after the field: a separator, a line end, or the end of the input.
    var next: UnsafePointer<UInt8>
}

/// A structural problem found while reading, located by byte offset in the file.
enum CSVFailure: Equatable {
    case fieldCount(recordStart: Int, found: Int)
    case unterminatedQuote(quote: Int)
    case textAfterQuote(offset: Int)
    case invalidUTF8(offset: Int)

    var offset: Int {
        switch self {
        case .fieldCount(let offset, _), .unterminatedQuote(let offset),
             .textAfterQuote(let offset), .invalidUTF8(let offset):
            offset
        }
    }
}

/// RFC 4180 field scanning over a byte buffer: quoted fields may hold separators, line
/// ends and `""`; a record ends at `\n` or `\r\n`.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    let base: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    let separator: UInt8

    init(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) {
        // A non-nil base even for an empty buffer keeps pointer arithmetic simple.
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = base + bytes.count
        self.separator = separator
    }

    func offset(_ p: UnsafePointer<UInt8>) -> Int { p - base }

    /// Whether a field may end just before `p`.
    @inline(__always)
    func isFieldEnd(_ p: UnsafePointer<UInt8>) -> Bool {
        if p == end { return true }
        let byte = p.pointee
        return byte == separator || byte == Self.lineFeed
            || (byte == Self.carriageReturn && (p + 1 == end || p[1] == Self.lineFeed))
    }

    /// Whether `p` is at a separator (so another field of the same record follows).
    @inline(__always)
    func isSeparator(_ p: UnsafePointer<UInt8>) -> Bool {
        p < end && p.pointee == separator
    }

    /// The position after the line end at `p` (`\n`, `\r\n`, or nothing at the end of input).
    @inline(__always)
    func skipLineEnd(_ p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var p = p
        if p < end, p.pointee == Self.carriageReturn { p += 1 }
        if p < end, p.pointee == Self.lineFeed { p += 1 }
        return p
    }

    /// The start of the next record at or after `p`, skipping blank lines; `end` if none.
    @inline(__always)
    func skipBlankLines(_ p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var p = p
        while p < end {
            if p.pointee == Self.lineFeed {
                p += 1
            } else if p.pointee == Self.carriageReturn, p + 1 == end || p[1] == Self.lineFeed {
                p = skipLineEnd(p)
            } else {
                break
            }
        }
        return p
    }

    /// Scans the field starting at `p`.
    @inline(__always)
    func field(at p: UnsafePointer<UInt8>) -> Result<CSVField, CSVFailureBox> {
        if p < end, p.pointee == Self.quote {
            var q = p + 1
            var escaped = false
            while true {
                guard let found = memchr(q, Int32(Self.quote), end - q) else {
                    return .failure(CSVFailureBox(.unterminatedQuote(quote: offset(p))))
                }
                let closing = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
                if closing + 1 < end, closing[1] == Self.quote {
                    escaped = true
                    q = closing + 2
                    continue
                }
                let next = closing + 1
                guard isFieldEnd(next) else {
                    return .failure(CSVFailureBox(.textAfterQuote(offset: offset(next))))
                }
                return .success(CSVField(start: p + 1, end: closing, hasEscapedQuotes: escaped, next: next))
            }
        }
        var q = p
        let separator = self.separator
        while q < end {
            let byte = q.pointee
            if byte == separator || byte == Self.lineFeed { break }
            q += 1
        }
        var contentEnd = q
        if contentEnd > p, (contentEnd - 1).pointee == Self.carriageReturn, q == end || q.pointee == Self.lineFeed {
            contentEnd -= 1
        }
        return .success(CSVField(start: p, end: contentEnd, hasEscapedQuotes: false, next: contentEnd))
    }

    /// The start of the record after the one starting at `record`, following quotes exactly
    /// as `field(at:)` does; `end` when the input ends first (even inside an open quote).
    ///
    /// Jumps from one quote or line feed to the next: a quote opens a quoted field only at
    /// the start of a field (first in the record, or just after a separator).
    func nextRecord(after record: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var p = record
        while let found = firstQuoteOrLineFeed(from: p) {
            if found.pointee == Self.lineFeed { return found + 1 }
            p = found + 1
            guard found == record || found[-1] == separator else { continue }
            while true {
                guard let closing = memchr(p, Int32(Self.quote), end - p) else { return end }
                p = UnsafePointer(closing.assumingMemoryBound(to: UInt8.self)) + 1
                if p < end, p.pointee == Self.quote { p += 1 } else { break }
            }
        }
        return end
    }

    /// The first `"` or `\n` at or after `p`, eight bytes at a time.
    private func firstQuoteOrLineFeed(from p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var p = p
        while end - p >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            // Zero-byte test on word ^ pattern; its lowest flag is always exact.
            let quotes = word ^ 0x2222_2222_2222_2222
            let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
            let flags = ((quotes &- 0x0101_0101_0101_0101) & ~quotes | (lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds)
                & 0x8080_8080_8080_8080
            if flags != 0 { return p + flags.trailingZeroBitCount >> 3 }
            p += 8
        }
        while p < end {
            if p.pointee == Self.quote || p.pointee == Self.lineFeed { return p }
            p += 1
        }
        return nil
    }

    /// Copies a field's content into `scratch` with each `""` made `"`.
    static func unescape(_ field: CSVField, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var p = field.start
        while p < field.end {
            scratch.append(p.pointee)
            p += p.pointee == quote ? 2 : 1
        }
    }

    /// Whether a field's content is one of the missing-value spellings (see `CSVReader`).
    @inline(__always)
    static func isMissing(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        switch count {
        case 0: return true
        case 1: return p[0] == UInt8(ascii: "?")
        case 2: return p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "A")
        case 3:
            return (p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "/") && p[2] == UInt8(ascii: "A"))
                || (p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "a") && p[2] == UInt8(ascii: "N"))
        case 4:
            return p[0] == UInt8(ascii: "n") && p[1] == UInt8(ascii: "u") && p[2] == UInt8(ascii: "l") && p[3] == UInt8(ascii: "l")
        default: return false
        }
    }
}

/// `CSVFailure` as an `Error`, so scanning can return `Result`.
struct CSVFailureBox: Error {
    let failure: CSVFailure
    init(_ failure: CSVFailure) { self.failure = failure }
}
