/// Small Unicode charts that fit in a table cell.
public enum Sparkline {
    private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per count, scaled to the largest; an empty count shows as a space.
    public static func bars(_ counts: [Int]) -> String {
        guard let top = counts.max(), top > 0 else { return String(repeating: " ", count: counts.count) }
        return String(counts.map { count -> Character in
            if count == 0 { return " " }
            let level = Int((Double(count) / Double(top) * Double(blocks.count - 1)).rounded())
            return blocks[max(0, min(blocks.count - 1, level))]
        })
    }
}
