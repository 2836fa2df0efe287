/// Reads JSON Lines (https://jsonlines.org): one flat JSON object per line, into a `DataFrame`.
///
/// Columns are the keys in the order they first appear; a row without a key, `null`, or a string that is one of
/// `CSVReader.missingValueSpellings` is a missing value. A column whose values are all JSON numbers is numeric, all
/// `true`/`false` boolean; otherwise it is text (numbers as written), typed as a CSV column is: boolean for one
/// spelling of a true/false pair, else categorical with levels sorted by their UTF-8 bytes. Blank lines are skipped;
/// a line that is not such an object is an error naming its line and column.
public enum JSONLinesReader {
    /// Whether `path` names JSON Lines (`.jsonl`, `.ndjson`), or the text starts with `{` as no CSV header does.
    static func isJSONLines(path: String?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowered = path?.lowercased() ?? ""
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return true }
        let first = bytes[bomLength(bytes)...].first { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }
        return first == UInt8(ascii: "{")
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, name: String, target: String?) throws(LearningError) -> LoadedTable {
        let start = bomLength(bytes)
        if let bad = UTF8Validator.firstInvalidByte(in: bytes, start..<bytes.count) {
            let at = TextPosition(of: bad, in: bytes, bomLength: start)
            throw .invalidUTF8(byte: bytes[bad], file: name, line: at.line, column: at.column)
        }
        var table = Assembly()
        var lineStart = start
        var line = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let blank = bytes[lineStart..<lineEnd].allSatisfy { [0x20, 0x09, 0x0D].contains($0) }
            if !blank {
                do {
                    table.add(try FlatJSONObject.fields(in: bytes, lineStart..<lineEnd))
                } catch {
                    let at = TextPosition(of: error.offset, in: bytes, bomLength: start)
                    throw LearningError(error.message, file: name, line: line, column: at.column)
                }
            }
            lineStart = lineEnd + 1
            line += 1
        }
        guard table.rowCount > 0 else {
            throw LearningError("the file has no rows; expected one JSON object per line", file: name)
        }
        if let target, !table.names.contains(target) {
            throw .unknownTarget(target, columns: table.names, file: name)
        }
        let columns = zip(table.names, table.cells).map { Self.column($0, $1) }
        return LoadedTable(frame: DataFrame(columns: columns, target: target),
                           sha256: SHA256Hex.digest(UnsafeRawBufferPointer(bytes)), byteCount: bytes.count)
    }

    /// The rows read so far, as columns of cells.
    private struct Assembly {
        var names: [String] = []
        var cells: [[JSONCell]] = []
        var index: [String: Int] = [:]
        var rowCount = 0

        /// Adds a row, whose keys are distinct.
        mutating func add(_ fields: [(key: String, value: JSONCell)]) {
            for (key, value) in fields {
                if let column = index[key] {
                    cells[column].append(value)
                } else {
                    index[key] = names.count
                    names.append(key)
                    cells.append(Array(repeating: .null, count: rowCount) + [value])
                }
            }
            rowCount += 1
            for column in cells.indices where cells[column].count < rowCount { cells[column].append(.null) }
        }
    }

    private static func column(_ name: String, _ cells: [JSONCell]) -> Column {
        let missing = Set(CSVReader.missingValueSpellings)
        var numeric = true
        for cell in cells {
            switch cell {
            case .null, .number: continue
            case .string(let text) where missing.contains(text): continue
            case .string, .bool: numeric = false
            }
        }
        if numeric {
            return .numeric(name, cells.map { if case .number(let value, _) = $0 { value } else { .nan } })
        }
        return .text(name, cells.map { cell in
            switch cell {
            case .null: nil
            case .number(_, let text): text
            case .bool(let value): value ? "true" : "false"
            case .string(let text): missing.contains(text) ? nil : text
            }
        })
    }

    private static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}
