/// The two generators scikit-learn's trees and forests draw from, reproduced exactly so that
/// `tree`/`forest` with seed `s` grow the trees `DecisionTree*(random_state=s)` and
/// `RandomForest*(random_state=s)` grow (ties between equally good splits included).
///
/// - `TreeSeedSequence` is numpy's legacy `RandomState` (MT19937) restricted to the draws
///   scikit-learn makes: `randint(0, bound)` by masked rejection on 32-bit outputs.
/// - `TreeFeatureDraw` is scikit-learn's `rand_r` (a 32-bit xorshift) that orders the
///   features examined at each node.
///
/// Both are deterministic and platform independent; they are seeded only from the model
/// seed (and, in a forest, the tree's index), never from the clock.
struct TreeSeedSequence {
    private var state: [UInt32]
    private var position: Int

    /// numpy's `RandomState(seed)`: `init_genrand(seed)` for seeds below 2³², otherwise
    /// `init_by_array([low 32 bits, high 32 bits])` (numpy's seeding by an array).
    init(seed: UInt64) {
        state = [UInt32](repeating: 0, count: 624)
        position = 624
        if seed <= UInt64(UInt32.max) {
            Self.initialize(&state, UInt32(seed))
        } else {
            initialize(byArray: [UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)])
        }
    }

    private static func initialize(_ mt: inout [UInt32], _ seed: UInt32) {
        mt[0] = seed
        for i in 1..<624 {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    private mutating func initialize(byArray key: [UInt32]) {
        Self.initialize(&state, 19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    /// The next 32-bit output (MT19937 `genrand_int32`).
    mutating func next() -> UInt32 {
        if position >= 624 { twist() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7FFF_FFFF)
            var value = state[(i + 397) % 624] ^ (y >> 1)
            if y & 1 != 0 { value ^= 0x9908_B0DF }
            state[i] = value
        }
        position = 0
    }

    /// numpy's legacy `randint(0, bound)` for `1 ≤ bound ≤ 2³²`: draws masked to the
    /// smallest covering power of two, rejecting those ≥ `bound`.
    mutating func next(below bound: Int) -> Int {
        precondition(bound >= 1 && bound <= 1 << 32, "bound out of range")
        let largest = UInt32(bound - 1)
        if largest == 0 { return 0 }
        var mask = largest
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = next() & mask
            if value <= largest { return Int(value) }
        }
    }

    /// `randint(np.iinfo(np.int32).max)`: how scikit-learn derives a seed for a tree
    /// (forests, for each tree in turn) and for its feature draws.
    mutating func nextTreeSeed() -> UInt32 {
        UInt32(next(below: Int(Int32.max)))
    }
}

/// scikit-learn's `rand_r`: the xorshift that picks which feature a node examines next.
struct TreeFeatureDraw {
    private var state: UInt32

    /// Seeded as scikit-learn's splitter is: the first `randint(0, 2³¹ − 1)` of
    /// `RandomState(seed)`.
    init(seed: UInt64) {
        var sequence = TreeSeedSequence(seed: seed)
        state = sequence.nextTreeSeed()
    }

    /// A uniform-ish integer in `low..<high` (`low + rand_r() % (high - low)`, as
    /// scikit-learn computes it).
    mutating func next(from low: Int, below high: Int) -> Int {
        if state == 0 { state = 1 }
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        let value = Int(state % 0x8000_0000)
        return low + value % (high - low)
    }
}
