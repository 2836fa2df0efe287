#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Joins the chunks of one column into a `Column` and settles its kind.
///
/// Text levels are sorted by their UTF-8 bytes, so codes do not depend on row order or on
/// how the file was cut into chunks. A text column whose values are one or both spellings
/// of a boolean pair becomes `.boolean` with levels `[falseWord, trueWord]`.
enum CSVColumnAssembler {
    static func numeric(name: String, column: Int, chunks: [CSVChunk], rowCount: Int) -> Column {
        let values = [Double](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            var at = 0
            for chunk in chunks {
                let part = chunk.numbers(of: column)
                if let source = part.baseAddress, part.count > 0 {
                    memcpy(buffer.baseAddress! + at, source, part.count * MemoryLayout<Double>.stride)
                }
                at += part.count
            }
            initialized = at
        }
        return .numeric(name, values)
    }

    static func text(name: String, column: Int, chunks: [CSVChunk], rowCount: Int) -> Column {
        // Every chunk's levels side by side: entry `firstEntry[k] + code` is level `code` of chunk k.
        var bytes: [UInt8] = []
        var bounds = [0]
        var firstEntry: [Int] = []
        for chunk in chunks {
            let interner = chunk.interners[column]
            firstEntry.append(bounds.count - 1)
            let base = bytes.count
            bytes += interner.storage
            bounds += interner.offsets.dropFirst().map { $0 + base }
        }
        var (levels, levelOfEntry) = sortedLevels(bytes, bounds)

        var kind = ColumnKind.categorical
        if let boolean = BooleanSpelling.levels(for: levels) {
            kind = .boolean
            let booleanCode = levels.map { Int32(boolean.firstIndex(of: $0)!) }
            levelOfEntry = levelOfEntry.map { booleanCode[Int($0)] }
            levels = boolean
        }

        let codes = [Int32](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            var at = 0
            for (chunk, first) in zip(chunks, firstEntry) {
                for local in chunk.codes(of: column) {
                    buffer[at] = local < 0 ? -1 : levelOfEntry[first + Int(local)]
                    at += 1
                }
            }
            initialized = at
        }
        return .categorical(name, codes: codes, levels: levels, kind: kind)
    }

    /// The distinct byte strings among the entries `bytes[bounds[i]..<bounds[i + 1]]`, sorted,
    /// and each entry's index among them.
    ///
    /// Entries are sorted by their first eight bytes as one big-endian integer, and only ties
    /// compare the rest, so a million distinct labels sort without a hash table.
    static func sortedLevels(_ bytes: [UInt8], _ bounds: [Int]) -> (levels: [String], levelOfEntry: [Int32]) {
        let count = bounds.count - 1
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            func entry(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(start: base + bounds[i], count: bounds[i + 1] - bounds[i])
            }
            func prefixKey(_ i: Int) -> UInt64 {
                var key: UInt64 = 0
                for (j, byte) in entry(i).prefix(8).enumerated() { key |= UInt64(byte) << UInt64(56 - 8 * j) }
                return key
            }
            func compare(_ a: Int, _ b: Int) -> Int {
                let x = entry(a), y = entry(b)
                let shared = min(x.count, y.count)
                let order = shared == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, shared))
                return order != 0 ? order : x.count - y.count
            }
            var order = (0..<count).map { (key: prefixKey($0), entry: $0) }
            order.sort { $0.key != $1.key ? $0.key < $1.key : compare($0.entry, $1.entry) < 0 }
            var levels: [String] = []
            var levelOfEntry = [Int32](repeating: 0, count: count)
            for (position, item) in order.enumerated() {
                if position == 0 || item.key != order[position - 1].key || compare(item.entry, order[position - 1].entry) != 0 {
                    levels.append(String(decoding: entry(item.entry), as: UTF8.self))
                }
                levelOfEntry[item.entry] = Int32(levels.count - 1)
            }
            return (levels, levelOfEntry)
        }
    }
}

/// The spellings of true and false that make a column boolean, compared without case.
enum BooleanSpelling {
    static let pairs: [(false: String, true: String)] = [("false", "true"), ("no", "yes"), ("f", "t"), ("n", "y")]

    /// `[falseWord, trueWord]` when `levels` (one or two distinct values) are one spelling of
    /// each side of the same pair; a missing side is spelt in the style of the present one.
    static func levels(for levels: [String]) -> [String]? {
        guard (1...2).contains(levels.count) else { return nil }
        for pair in pairs {
            let falseWord = levels.first { $0.lowercased() == pair.false }
            let trueWord = levels.first { $0.lowercased() == pair.true }
            guard (falseWord != nil ? 1 : 0) + (trueWord != nil ? 1 : 0) == levels.count else { continue }
            if let falseWord, let trueWord { return [falseWord, trueWord] }
            if let falseWord { return [falseWord, spell(pair.true, like: falseWord)] }
            if let trueWord { return [spell(pair.false, like: trueWord), trueWord] }
        }
        return nil
    }

    private static func spell(_ word: String, like model: String) -> String {
        if model == model.uppercased(), model != model.lowercased() { return word.uppercased() }
        if model.first?.isUppercase == true { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }
}
