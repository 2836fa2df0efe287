/// The columns parsed from one run of whole records, before chunks are joined.
///
/// Values are column-major in raw buffers sized for the most records the run can hold;
/// pages of columns that are never written are never touched.
final class CSVChunk {
    let capacity: Int
    let columnCount: Int
    /// Whether each column was read as text (codes) rather than numbers.
    let isText: [Bool]
    let values: UnsafeMutablePointer<Double>
    let codes: UnsafeMutablePointer<Int32>
    var interners: [ByteInterner]
    var rowCount = 0
    var failure: CSVFailure?
    /// Per column, the byte offset of its first infinite number (`inf`, or too large for a
    /// `Double`): an error once the column is known to be numeric.
    var firstInfinite: [Int?]

    init(capacity: Int, columnCount: Int, isText: [Bool]) {
        self.capacity = max(capacity, 1)
        self.columnCount = columnCount
        self.isText = isText
        values = .allocate(capacity: self.capacity * columnCount)
        codes = .allocate(capacity: self.capacity * columnCount)
        interners = Array(repeating: ByteInterner(), count: columnCount)
        firstInfinite = Array(repeating: nil, count: columnCount)
    }

    deinit {
        values.deallocate()
        codes.deallocate()
    }

    func noteInfinite(column: Int, offset: Int) {
        if firstInfinite[column] == nil { firstInfinite[column] = offset }
    }

    func numbers(of column: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: values + column * capacity, count: rowCount)
    }

    func codes(of column: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: codes + column * capacity, count: rowCount)
    }
}

/// Parses a run of whole records into a `CSVChunk`.
///
/// Every column starts as numeric and is parsed in one pass over its bytes; when a field
/// is neither a number nor a missing value the run starts again with that column read as
/// text, which costs little because a text column usually shows itself in the first record.
/// Bytes of numbers are digits by construction; every other field is checked to be UTF-8.
struct CSVChunkParser {
    let scanner: CSVScanner
    let columnCount: Int

    func parse(_ range: Range<Int>, textColumns: [Bool]) -> CSVChunk {
        // A record has at least one byte per field (separators and the line end), and a
        // one-column record at least two (a blank line is skipped).
        let capacity = range.count / max(columnCount, 2) + 1
        var isText = textColumns
        while true {
            let chunk = CSVChunk(capacity: capacity, columnCount: columnCount, isText: isText)
            guard let textColumn = fill(chunk, range) else { return chunk }
            isText[textColumn] = true
        }
    }

    /// Fills `chunk`; returns a numeric column that met text, or `nil` when done (or failed).
    private func fill(_ chunk: CSVChunk, _ range: Range<Int>) -> Int? {
        let scanner = self.scanner
        let end = scanner.base + range.upperBound
        let last = columnCount - 1
        let capacity = chunk.capacity
        let values = chunk.values
        let isText = chunk.isText
        var scratch: [UInt8] = []
        var p = scanner.skipBlankLines(scanner.base + range.lowerBound)
        var row = 0
        // Local, so the hot loop mutates it without the class's dynamic exclusivity checks.
        var interners = chunk.interners
        chunk.interners = []
        defer {
            chunk.rowCount = row
            chunk.interners = interners
        }
        while p < end {
            let recordStart = p
            var column = 0
            while true {
                let slot = column * capacity + row
                if !isText[column], let (value, next) = DecimalParser.parsePrefix(p, scanner.end), scanner.isFieldEnd(next) {
                    values[slot] = value
                    if value.isInfinite { chunk.noteInfinite(column: column, offset: scanner.offset(p)) }
                    p = next
                } else {
                    switch readField(at: p, column: column, slot: slot, into: chunk, &interners, &scratch) {
                    case .stored(let next): p = next
                    case .text: return column
                    case .failed(let failure):
                        chunk.failure = failure
                        return nil
                    }
                }
                if column == last {
                    if scanner.isSeparator(p) {
                        chunk.failure = .fieldCount(recordStart: scanner.offset(recordStart), found: countFields(from: p) + columnCount)
                        return nil
                    }
                    break
                }
                guard scanner.isSeparator(p) else {
                    chunk.failure = .fieldCount(recordStart: scanner.offset(recordStart), found: column + 1)
                    return nil
                }
                p += 1
                column += 1
            }
            row += 1
            p = scanner.skipBlankLines(scanner.skipLineEnd(p))
        }
        return nil
    }

    private enum FieldOutcome {
        case stored(next: UnsafePointer<UInt8>)
        /// A numeric column met a field that is not a number.
        case text
        case failed(CSVFailure)
    }

    /// Reads a field the numeric fast path did not take (quoted, missing, text, a number with
    /// spaces around it) and stores it in row slot `slot` of `column`.
    private func readField(
        at p: UnsafePointer<UInt8>, column: Int, slot: Int, into chunk: CSVChunk,
        _ interners: inout [ByteInterner], _ scratch: inout [UInt8]
    ) -> FieldOutcome {
        let field: CSVField
        switch scanner.field(at: p) {
        case .success(let scanned): field = scanned
        case .failure(let box): return .failed(box.failure)
        }
        let file = UnsafeBufferPointer(start: scanner.base, count: scanner.end - scanner.base)
        if let bad = UTF8Validator.firstInvalidByte(in: file, scanner.offset(field.start)..<scanner.offset(field.end)) {
            return .failed(.invalidUTF8(offset: bad))
        }
        let base = scanner.base
        let stored: Bool = withContent(of: field, scratch: &scratch) { content in
            let start = content.baseAddress ?? base
            let missing = CSVScanner.isMissing(start, content.count)
            if chunk.isText[column] {
                chunk.codes[slot] = missing ? -1 : interners[column].intern(start, count: content.count)
                return true
            }
            guard let value = missing ? .nan : DecimalParser.parse(content) else { return false }
            chunk.values[slot] = value
            if value.isInfinite { chunk.noteInfinite(column: column, offset: scanner.offset(field.start)) }
            return true
        }
        return stored ? .stored(next: field.next) : .text
    }

    /// Calls `body` with the field's content, unescaped into `scratch` when it holds `""`.
    @inline(__always)
    private func withContent<R>(of field: CSVField, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if field.hasEscapedQuotes {
            CSVScanner.unescape(field, into: &scratch)
            return scratch.withUnsafeBufferPointer(body)
        }
        return body(UnsafeBufferPointer(start: field.start, count: field.end - field.start))
    }

    /// How many more fields follow the separator at `p` in this record.
    private func countFields(from p: UnsafePointer<UInt8>) -> Int {
        var p = p
        var count = 0
        while scanner.isSeparator(p) {
            guard case .success(let field) = scanner.field(at: p + 1) else { return count + 1 }
            count += 1
            p = field.next
        }
        return count
    }
}
