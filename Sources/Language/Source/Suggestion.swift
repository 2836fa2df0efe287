/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a plausible typo; never `word` itself.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        // A name that shares no letter with the word (`y` and `a`) is no suggestion.
        guard let best, best.distance < max(word.count, best.name.count) else { return nil }
        let limit = max(1, min(3, (word.count + 1) / 3))
        if best.distance <= limit { return best.name }
        if best.name.lowercased().hasPrefix(lowered), word.count >= 2 { return best.name }
        return nil
    }

    /// `did you mean `x`?` for the nearest candidate, or nil.
    public static func hint(for word: String, in candidates: [String]) -> String? {
        nearest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// Damerau–Levenshtein distance (optimal string alignment) between two strings.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
