/// A small chart that stands in a table cell: Unicode blocks in the terminal and in recorded output,
/// a vector graphic in the HTML export. The cell's text is always `text`.
public enum CellChart: Sendable, Equatable {
    /// A horizontal bar, `width` characters long at `value == top` (importance, quality per batch).
    case bar(value: Double, top: Double, width: Int)
    /// Counts as vertical blocks scaled to the largest (a histogram, or level counts by frequency).
    case histogram([Int])
    /// A count shaded by its share of `top` (a cell of a confusion matrix).
    case shade(count: Int, top: Int)

    /// The chart as the terminal shows it: `BarChart.bar`, `Sparkline.bars`, or the count and a shade.
    public var text: String {
        switch self {
        case .bar(let value, let top, let width):
            return BarChart.bar(value, top: top, width: width)
        case .histogram(let counts):
            return Sparkline.bars(counts)
        case .shade(let count, let top):
            let shades: [Character] = [" ", "░", "▒", "▓", "█"]
            let shade = count == 0 ? " " : shades[max(1, Int((Double(count) / Double(max(1, top)) * 4).rounded()))]
            return "\(count) \(shade)"
        }
    }
}
