/// Gives each distinct byte string a dense code (0, 1, 2, ... in order of first appearance).
///
/// Used while reading a categorical column: the bytes of a field are looked up without
/// making a `String`, so a column of a million short labels costs a million hash probes.
struct ByteInterner {
    private(set) var storage: [UInt8] = []
    /// `offsets[i]..<offsets[i + 1]` is level `i` in `storage`.
    private(set) var offsets: [Int] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var hashes: [UInt64] = []

    var count: Int { offsets.count - 1 }

    /// The code of `count` bytes at `bytes`, adding them as a new level if unseen.
    mutating func intern(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        let hash = Self.hash(bytes, count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash, equals(Int(code), bytes, count) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(self.count)
        storage.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        offsets.append(storage.count)
        hashes.append(hash)
        slots[slot] = code
        if self.count * 2 > slots.count { grow() }
        return code
    }

    /// The bytes of level `code`.
    func level(_ code: Int) -> ArraySlice<UInt8> {
        storage[offsets[code]..<offsets[code + 1]]
    }

    private func equals(_ code: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = offsets[code]
        guard offsets[code + 1] - start == count else { return false }
        return storage.withUnsafeBufferPointer { buffer in
            for i in 0..<count where buffer[start + i] != bytes[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }

    /// FNV-1a, then a final mix so the low bits used for the slot depend on every byte.
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<count {
            hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        return hash ^ (hash >> 33)
    }
}
