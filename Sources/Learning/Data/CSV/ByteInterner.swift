#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct byte string a dense code (0, 1, 2, ... in order of first appearance).
///
/// Used while reading a categorical column: the bytes of a field are looked up without
/// making a `String`, so a column of a million short labels costs a million hash probes.
struct ByteInterner {
    private(set) var storage: [UInt8] = []
    /// `offsets[i]..<offsets[i + 1]` is level `i` in `storage`.
    private(set) var offsets: [Int] = [0]
    /// Open addressing: 0 for empty, else the hash's high half over `code + 1`.
    private var slots = [UInt64](repeating: 0, count: 16)
    private var hashes: [UInt64] = []

    var count: Int { offsets.count - 1 }

    /// The code of `count` bytes at `bytes`, adding them as a new level if unseen.
    mutating func intern(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        let hash = Self.hash(bytes, count)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let code = Int(entry & 0xFFFF_FFFF) - 1
                if equals(code, bytes, count) { return Int32(code) }
            }
            slot = (slot + 1) & mask
        }
        let code = self.count
        storage.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        offsets.append(storage.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(code + 1)
        if self.count * 2 > slots.count { grow() }
        return Int32(code)
    }

    private func equals(_ code: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = offsets[code]
        guard offsets[code + 1] - start == count else { return false }
        guard count > 0 else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes, count) == 0 }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
        }
    }

    /// Eight bytes at a time through a multiply–xorshift mix, then a final avalanche.
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        while i + 8 <= count {
            let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            i += 8
        }
        if i < count {
            var word: UInt64 = 0
            for k in i..<count { word |= UInt64(bytes[k]) << UInt64(8 * (k - i)) }
            hash = (hash ^ word) &* 0x94D0_49BB_1331_11EB
            hash ^= hash >> 29
        }
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }
}
