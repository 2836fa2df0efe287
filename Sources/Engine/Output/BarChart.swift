/// Horizontal bars in eighths of a character cell, for importance and similar rankings.
public enum BarChart {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// A bar `width` cells long at `value == top`, proportionally shorter below; empty at or below zero.
    public static func bar(_ value: Double, top: Double, width: Int = 30) -> String {
        guard top > 0, value > 0, value.isFinite else { return "" }
        let cells = min(1, value / top) * Double(width)
        let full = Int(cells)
        let remainder = Int(((cells - Double(full)) * 8).rounded())
        var text = String(repeating: "█", count: full)
        if remainder > 0, full < width { text.append(eighths[remainder - 1]) }
        if text.isEmpty { text = "▏" }
        return text
    }
}
