import Foundation

/// Reads the usual shapes of an MLflow scoring body in one pass over its bytes, straight into an `InputTable`:
/// `{"dataframe_split": {"columns": [...], "data": [[...], ...]}}`, `{"dataframe_records": [{...}, ...]}` and
/// `{"instances": ...}` (lists in the model's feature order, or objects), with scalar cells.
///
/// It is the fast path of `JSONScoringRequest`, which decodes every body with `JSONDecoder` otherwise (on the hot
/// path it cost more than everything else a request does). Whatever the scanner is not sure of gives nil and goes
/// that general way, which gives the very same table or names the problem: malformed JSON, escapes in strings,
/// numbers out of a double's range, keys besides the expected ones, nested cells, duplicate names, rows of the
/// wrong length.
struct JSONScoringScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The model's features, in its order.
    private let featureOrder: [String]
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, featureOrder: [String]) {
        self.bytes = bytes
        self.featureOrder = featureOrder
    }

    /// The table of `body`, or nil when the general decoder must read it.
    /// - Parameter featureOrder: the model's features, for `instances` given as lists.
    static func table(from body: [UInt8], featureOrder: [String]) -> InputTable? {
        body.withUnsafeBufferPointer { buffer in
            var scanner = JSONScoringScanner(buffer, featureOrder: featureOrder)
            return scanner.body()
        }
    }

    private mutating func body() -> InputTable? {
        guard take(.openBrace), let key = string(), take(.colon) else { return nil }
        let table: InputTable?
        switch key {
        case "dataframe_split": table = split()
        case "dataframe_records": table = records(key: key)
        case "instances": table = instances()
        default: return nil
        }
        guard let table, take(.closeBrace) else { return nil }
        skipWhitespace()
        return index == bytes.count ? table : nil
    }

    // MARK: The three shapes

    /// `{"columns": [...], "data": [[...], ...]}`, the keys in either order.
    private mutating func split() -> InputTable? {
        guard take(.openBrace) else { return nil }
        var names: [String]?
        var cells: [JSONValue]?
        var width = 0
        var rowCount = 0
        repeat {
            guard let key = string(), take(.colon) else { return nil }
            switch key {
            case "columns" where names == nil:
                names = stringList()
                guard names != nil else { return nil }
            case "data" where cells == nil:
                guard let (values, rows, rowWidth) = rowLists() else { return nil }
                (cells, rowCount, width) = (values, rows, rowWidth)
            default:
                return nil
            }
        } while take(.comma)
        guard take(.closeBrace), let names, let cells, rowCount == 0 || width == names.count,
              let columns = Self.columns(names, rowMajor: cells, rowCount: rowCount) else { return nil }
        return InputTable(columns: columns, rowCount: rowCount) { "`dataframe_split.data[\($0)]`" }
    }

    /// A list of objects, one per row; a row without a column gives null there.
    private mutating func records(key: String) -> InputTable? {
        guard take(.openBracket) else { return nil }
        var columns: [String: [JSONValue]] = [:]
        var names: [String] = []
        var rowCount = 0
        if !take(.closeBracket) {
            repeat {
                guard take(.openBrace) else { return nil }
                if !take(.closeBrace) {
                    repeat {
                        guard let name = string(names: names), take(.colon), let value = scalar() else { return nil }
                        if columns[name] == nil {
                            columns[name] = Array(repeating: .null, count: rowCount)
                            names.append(name)
                        }
                        guard columns[name]!.count == rowCount else { return nil }  // the same name twice in a row
                        columns[name]!.append(value)
                    } while take(.comma)
                    guard take(.closeBrace) else { return nil }
                }
                rowCount += 1
                for name in names where columns[name]!.count < rowCount { columns[name]!.append(.null) }
            } while take(.comma)
            guard take(.closeBracket) else { return nil }
        }
        return InputTable(columns: columns, rowCount: rowCount) { "`\(key)[\($0)]`" }
    }

    /// A list of lists in the model's feature order, or of objects.
    private mutating func instances() -> InputTable? {
        skipWhitespace()
        let start = index
        guard take(.openBracket) else { return nil }
        let objects = take(.openBrace) || peek(.closeBracket)
        index = start
        if objects { return records(key: "instances") }
        guard let (cells, rowCount, width) = rowLists(), rowCount == 0 || width == featureOrder.count,
              let columns = Self.columns(featureOrder, rowMajor: cells, rowCount: rowCount) else { return nil }
        return InputTable(columns: columns, rowCount: rowCount) { "`instances[\($0)]`" }
    }

    /// Columns by name from cells row after row; nil when a name comes twice.
    private static func columns(_ names: [String], rowMajor cells: [JSONValue], rowCount: Int) -> [String: [JSONValue]]? {
        var columns = [String: [JSONValue]](minimumCapacity: names.count)
        for (column, name) in names.enumerated() {
            var values: [JSONValue] = []
            values.reserveCapacity(rowCount)
            var cell = column
            for _ in 0..<rowCount {
                values.append(cells[cell])
                cell += names.count
            }
            guard columns.updateValue(values, forKey: name) == nil else { return nil }
        }
        return columns
    }

    // MARK: Lists and values

    /// `[[cell, ...], ...]` with every row as long as the first: the cells row after row, the rows and their width.
    private mutating func rowLists() -> (cells: [JSONValue], rows: Int, width: Int)? {
        guard take(.openBracket) else { return nil }
        var cells: [JSONValue] = []
        var rows = 0
        var width = 0
        if take(.closeBracket) { return (cells, 0, 0) }
        repeat {
            guard take(.openBracket) else { return nil }
            var count = 0
            if !take(.closeBracket) {
                repeat {
                    guard let value = scalar() else { return nil }
                    cells.append(value)
                    count += 1
                } while take(.comma)
                guard take(.closeBracket) else { return nil }
            }
            if rows == 0 {
                width = count
                cells.reserveCapacity(width * 8)
            } else if count != width {
                return nil
            }
            rows += 1
        } while take(.comma)
        guard take(.closeBracket) else { return nil }
        return (cells, rows, width)
    }

    /// `["name", ...]`
    private mutating func stringList() -> [String]? {
        guard take(.openBracket) else { return nil }
        var strings: [String] = []
        if take(.closeBracket) { return strings }
        repeat {
            guard let text = string(names: featureOrder) else { return nil }
            strings.append(text)
        } while take(.comma)
        return take(.closeBracket) ? strings : nil
    }

    /// A string, number, `true`, `false` or `null`.
    private mutating func scalar() -> JSONValue? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case .quote: return string().map(JSONValue.string)
        case .n: return word("null") ? .null : nil
        case .t: return word("true") ? .bool(true) : nil
        case .f: return word("false") ? .bool(false) : nil
        default: return number().map(JSONValue.number)
        }
    }

    /// A string without escapes or control characters, valid UTF-8; one of `names` itself when it is one
    /// (column names come again in every record: no new string for each).
    private mutating func string(names: [String] = []) -> String? {
        guard take(.quote) else { return nil }
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .quote { break }
            if byte == .backslash || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        for name in names where name.utf8.count == text.count && !text.isEmpty {
            let same = name.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
            if same == true { return name }
        }
        return ascii ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
    }

    private mutating func word(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A JSON number, correctly rounded like `JSONDecoder`'s: exactly from its digits when they fit a double's
    /// mantissa and the power of ten is exact (most numbers a request holds), else by the C library's strtod.
    private mutating func number() -> Double? {
        let start = index
        let negative = index < bytes.count && bytes[index] == .minus
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exact = true
        var exponent = 0
        func digit(_ byte: UInt8, fraction: Bool) {
            let value = UInt64(byte &- .zero)
            if significant < 19 {
                if mantissa != 0 || value != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ value
                if fraction { exponent -= 1 }
            } else {
                if value != 0 { exact = false }
                if !fraction { exponent += 1 }
            }
        }
        guard index < bytes.count, bytes[index].isDigit else { return nil }
        if bytes[index] == .zero {
            index += 1
            if index < bytes.count, bytes[index].isDigit { return nil }  // no leading zeros in JSON
        } else {
            while index < bytes.count, bytes[index].isDigit {
                digit(bytes[index], fraction: false)
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == .dot {
            index += 1
            guard index < bytes.count, bytes[index].isDigit else { return nil }
            while index < bytes.count, bytes[index].isDigit {
                digit(bytes[index], fraction: true)
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == .e || bytes[index] == .upperE {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == .minus || bytes[index] == .plus {
                exponentNegative = bytes[index] == .minus
                index += 1
            }
            guard index < bytes.count, bytes[index].isDigit else { return nil }
            var written = 0
            while index < bytes.count, bytes[index].isDigit {
                written = min(written * 10 + Int(bytes[index] &- .zero), 100_000)
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if exact, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            let magnitude = exponent < 0 ? Double(mantissa) / Self.powersOfTen[-exponent]
                : Double(mantissa) * Self.powersOfTen[exponent]
            return negative ? -magnitude : magnitude
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    // MARK: Bytes

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func peek(_ byte: UInt8) -> Bool {
        skipWhitespace()
        return index < bytes.count && bytes[index] == byte
    }

    /// Skips whitespace, then `byte` if it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        index += 1
        return true
    }
}

private extension UInt8 {
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: "."), zero = UInt8(ascii: "0"), e = UInt8(ascii: "e"), upperE = UInt8(ascii: "E")
    static let n = UInt8(ascii: "n"), t = UInt8(ascii: "t"), f = UInt8(ascii: "f")

    var isDigit: Bool { self >= .zero && self <= .zero + 9 }
}
