#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one read: header, chunking, parallel parsing with the digest, assembly.
struct CSVTableBuilder {
    /// Below this many bytes per chunk, splitting costs more than it saves.
    static let chunkBytes = 1 << 21

    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    let bomLength: Int
    let scanner: CSVScanner

    init(bytes: UnsafeBufferPointer<UInt8>, name: String, separator: UInt8?) {
        self.bytes = bytes
        self.name = name
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        bomLength = bytes.starts(with: bom) ? 3 : 0
        let text = UnsafeBufferPointer(rebasing: bytes[bomLength...])
        scanner = CSVScanner(bytes, separator: separator ?? Self.sniffSeparator(text))
    }

    func build(target: String?) throws(LearningError) -> LoadedTable {
        let headerStart = scanner.skipBlankLines(scanner.base + bomLength)
        guard headerStart < scanner.end else { throw .emptyFile(name) }
        let header = try readHeader(at: headerStart)
        let dataStart = scanner.skipBlankLines(header.end)
        guard dataStart < scanner.end else {
            throw .noDataRows(name, line: position(scanner.offset(header.end)).line)
        }
        if let target, !header.names.contains(target) {
            throw .unknownTarget(target, columns: header.names, file: name)
        }

        let columnCount = header.names.count
        let ranges = chunkRanges(from: dataStart)
        let parser = CSVChunkParser(scanner: scanner, columnCount: columnCount)
        let allNumeric = [Bool](repeating: false, count: columnCount)
        var digest = ""
        var chunks = Parallel.map(ranges.count + 1) { index -> CSVChunk? in
            if index == 0 {
                digest = SHA256Hex.digest(UnsafeRawBufferPointer(bytes))
                return nil
            }
            return parser.parse(ranges[index - 1], textColumns: allNumeric)
        }.compactMap { $0 }

        if let failure = chunks.compactMap(\.failure).min(by: { $0.offset < $1.offset }) {
            throw error(for: failure, columnCount: columnCount)
        }
        let isText = (0..<columnCount).map { column in chunks.contains { $0.isText[column] } }
        let stale = chunks.indices.filter { chunks[$0].isText != isText }
        let redone = Parallel.map(stale.count) { parser.parse(ranges[stale[$0]], textColumns: isText) }
        for (index, chunk) in zip(stale, redone) { chunks[index] = chunk }
        if let (offset, column) = (0..<columnCount).filter({ !isText[$0] }).compactMap({ column in
            chunks.compactMap { $0.firstInfinite[column] }.min().map { ($0, column) }
        }).min(by: { $0.0 < $1.0 }) {
            throw infiniteNumber(at: offset, column: header.names[column])
        }

        let rowCount = chunks.reduce(0) { $0 + $1.rowCount }
        let columns = Parallel.map(columnCount) { column in
            isText[column]
                ? CSVColumnAssembler.text(name: header.names[column], column: column, chunks: chunks, rowCount: rowCount)
                : CSVColumnAssembler.numeric(name: header.names[column], column: column, chunks: chunks, rowCount: rowCount)
        }
        return LoadedTable(frame: DataFrame(columns: columns, target: target), sha256: digest, byteCount: bytes.count)
    }

    /// Cuts the data into runs of whole records of about `chunkBytes` each.
    private func chunkRanges(from dataStart: UnsafePointer<UInt8>) -> [Range<Int>] {
        let start = scanner.offset(dataStart)
        let total = scanner.offset(scanner.end) - start
        let count = max(1, min(256, total / Self.chunkBytes))
        guard count > 1 else { return [start..<start + total] }
        let hasQuotes = memchr(dataStart, Int32(CSVScanner.quote), total) != nil
        var bounds = [start]
        var p = dataStart
        for k in 1..<count {
            let goal = scanner.base + start + total / count * k
            if hasQuotes {
                while p < goal { p = scanner.nextRecord(after: p) }
            } else if p < goal {
                let found = memchr(goal, Int32(CSVScanner.lineFeed), scanner.end - goal)
                p = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? scanner.end
            }
            if scanner.offset(p) > bounds.last!, p < scanner.end { bounds.append(scanner.offset(p)) }
        }
        bounds.append(start + total)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    func position(_ offset: Int) -> TextPosition {
        TextPosition(of: offset, in: bytes, bomLength: bomLength)
    }
}
