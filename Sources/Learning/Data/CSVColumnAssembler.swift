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
        // Every chunk's levels into one first-seen table, then a rank by sorted bytes.
        var all = ByteInterner()
        let localToAll: [[Int32]] = chunks.map { chunk in
            let interner = chunk.interners[column]
            return (0..<interner.count).map { code in
                interner.level(code).withUnsafeBufferPointer { all.intern($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
            }
        }
        let sorted = (0..<all.count).sorted { all.level($0).lexicographicallyPrecedes(all.level($1)) }
        var levels = sorted.map { String(decoding: all.level($0), as: UTF8.self) }
        var rank = [Int32](repeating: 0, count: all.count)
        for (position, code) in sorted.enumerated() { rank[code] = Int32(position) }

        var kind = ColumnKind.categorical
        if let boolean = BooleanSpelling.levels(for: levels) {
            kind = .boolean
            let booleanCode = levels.map { Int32(boolean.firstIndex(of: $0)!) }
            rank = rank.map { booleanCode[Int($0)] }
            levels = boolean
        }

        let codes = [Int32](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            var at = 0
            for (chunk, toAll) in zip(chunks, localToAll) {
                let finalCode = toAll.map { rank[Int($0)] }
                for local in chunk.codes(of: column) {
                    buffer[at] = local < 0 ? -1 : finalCode[Int(local)]
                    at += 1
                }
            }
            initialized = at
        }
        return .categorical(name, codes: codes, levels: levels, kind: kind)
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
