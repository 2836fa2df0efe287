extension CSVTableBuilder {
    struct Header {
        var names: [String]
        /// Where the first line after the header starts.
        var end: UnsafePointer<UInt8>
    }

    /// Reads and checks the header record starting at `start`.
    ///
    /// An empty name becomes `column_N` (N counted from 1), as files written with an
    /// unnamed index column have one.
    func readHeader(at start: UnsafePointer<UInt8>) throws(LearningError) -> Header {
        let end = scanner.nextRecord(after: start)
        let range = scanner.offset(start)..<scanner.offset(end)
        if let bad = UTF8Validator.firstInvalidByte(in: bytes, range) {
            throw error(for: .invalidUTF8(offset: bad), columnCount: 0)
        }
        var names: [String] = []
        var starts: [Int] = []
        var p = start
        var scratch: [UInt8] = []
        while true {
            let field: CSVField
            switch scanner.field(at: p) {
            case .success(let scanned): field = scanned
            case .failure(let box): throw error(for: box.failure, columnCount: 0)
            }
            if field.hasEscapedQuotes {
                CSVScanner.unescape(field, into: &scratch)
                names.append(String(decoding: scratch, as: UTF8.self))
            } else {
                names.append(String(decoding: UnsafeBufferPointer(start: field.start, count: field.end - field.start), as: UTF8.self))
            }
            starts.append(scanner.offset(p))
            p = field.next
            guard scanner.isSeparator(p) else { break }
            p += 1
        }
        for index in names.indices where names[index].isEmpty { names[index] = "column_\(index + 1)" }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = seen[name] {
                let at = position(starts[index])
                throw .duplicateColumn(name, first: first + 1, second: index + 1, file: self.name, line: at.line, column: at.column)
            }
            seen[name] = index
        }
        return Header(names: names, end: end)
    }

    /// The most frequent of comma, tab and semicolon outside quotes on the first line.
    static func sniffSeparator(_ text: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
        var counts = [0, 0, 0]
        var quoted = false
        for byte in text {
            if byte == CSVScanner.quote { quoted.toggle() }
            if quoted { continue }
            if byte == CSVScanner.lineFeed { break }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }

    /// The error for an infinite number at byte `offset` of numeric column `column`.
    func infiniteNumber(at offset: Int, column: String) -> LearningError {
        let at = position(offset)
        var end = offset
        while end < bytes.count, end - offset < 40, bytes[end] != scanner.separator,
              bytes[end] != CSVScanner.lineFeed, bytes[end] != CSVScanner.carriageReturn { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        return .infiniteNumber(text, column: column, file: name, line: at.line, column: at.column)
    }

    /// The `LearningError` for a structural failure, with its line and column.
    func error(for failure: CSVFailure, columnCount: Int) -> LearningError {
        let at = position(failure.offset)
        switch failure {
        case .fieldCount(_, let found):
            return .wrongFieldCount(expected: columnCount, found: found, file: name, line: at.line)
        case .unterminatedQuote:
            return .unterminatedQuote(file: name, line: at.line, column: at.column)
        case .textAfterQuote(let offset):
            let rest = UnsafeBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + 4)])
            let found = String(decoding: rest, as: UTF8.self).prefix(1)
            return .textAfterQuote(String(found), separator: scanner.separator, file: name, line: at.line, column: at.column)
        case .invalidUTF8(let offset):
            return .invalidUTF8(byte: bytes[offset], file: name, line: at.line, column: at.column)
        }
    }
}
