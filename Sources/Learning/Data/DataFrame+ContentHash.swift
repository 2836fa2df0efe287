import Crypto

extension DataFrame {
    /// Lowercase hex SHA-256 of the table's content, the same for equal tables however
    /// they were made (read, filtered, split, joined back).
    ///
    /// The digest is over this byte encoding (integers little-endian, strings as a `UInt64`
    /// UTF-8 length then the bytes):
    /// 1. the string `mlw-frame-v1`, the column count (`UInt64`) and the row count (`UInt64`);
    /// 2. per column in order: its name, its kind's raw value (`numeric`, `categorical`,
    ///    `boolean`), then
    ///    - numeric: each value's IEEE 754 bits as a `UInt64`, with every NaN written as
    ///      `0x7FF8000000000000` and −0 as +0;
    ///    - categorical: the levels that occur, sorted by their UTF-8 bytes (count as `UInt64`,
    ///      then each string), then each row's index into that list as an `Int32`, −1 when
    ///      missing; so level order and unused levels do not change the hash;
    ///    - boolean: both levels `[false, true]` as stored, then each code as an `Int32`;
    /// 3. the target: `0` as a `UInt8` when there is none, else `1` and its name.
    public func contentHash() -> String {
        var encoder = HashEncoder()
        encoder.string("mlw-frame-v1")
        encoder.integer(UInt64(columns.count))
        encoder.integer(UInt64(rowCount))
        for column in columns {
            encoder.string(column.name)
            encoder.string(column.kind.rawValue)
            switch column.storage {
            case .numeric(let values):
                for value in values {
                    let canonical = value.isNaN ? 0x7FF8_0000_0000_0000 : (value == 0 ? 0 : value.bitPattern)
                    encoder.integer(canonical)
                }
            case .categorical(let codes, let levels):
                var remap = (0..<levels.count).map(Int32.init)
                var written = levels
                if column.kind != .boolean {
                    var used = [Bool](repeating: false, count: levels.count)
                    for code in codes where code >= 0 { used[Int(code)] = true }
                    let order = levels.indices.filter { used[$0] }.sorted { levels[$0].utf8.lexicographicallyPrecedes(levels[$1].utf8) }
                    for (rank, code) in order.enumerated() { remap[code] = Int32(rank) }
                    written = order.map { levels[$0] }
                }
                encoder.integer(UInt64(written.count))
                for level in written { encoder.string(level) }
                for code in codes { encoder.integer(UInt32(bitPattern: code < 0 ? -1 : remap[Int(code)])) }
            }
        }
        if let target {
            encoder.byte(1)
            encoder.string(target)
        } else {
            encoder.byte(0)
        }
        return encoder.finish()
    }
}

/// Feeds little-endian values to SHA-256 through a buffer, so hashing a million values
/// makes a few hundred `update` calls rather than a million.
private struct HashEncoder {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func byte(_ value: UInt8) {
        buffer.append(value)
        flushIfFull()
    }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        flushIfFull()
    }

    mutating func string(_ text: String) {
        integer(UInt64(text.utf8.count))
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    mutating func finish() -> String {
        flush()
        return SHA256Hex.hex(hasher.finalize())
    }

    private mutating func flushIfFull() {
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
