/// A small scatter of curves on a character grid with axes from 0 to 1 (for ROC curves).
public struct LinePlot: Sendable, Equatable {
    /// A point of a curve, both coordinates in 0…1.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One curve: the character it is drawn with, what it is (for a legend), and its points.
    public struct Series: Sendable, Equatable {
        public var mark: Character
        public var label: String
        public var points: [Point]
        public init(mark: Character, label: String, points: [Point]) {
            self.mark = mark
            self.label = label
            self.points = points
        }
    }

    public var width = 41
    public var height = 17
    public var series: [Series] = []
    public var xLabel = ""
    public var yLabel = ""

    public init(xLabel: String, yLabel: String) {
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    public func lines() -> [String] {
        var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        for step in 0..<width {
            let x = Double(step) / Double(width - 1)
            grid[row(for: x)][step] = "·"
        }
        for curve in series {
            for (x, y) in interpolated(curve.points.map { ($0.x, $0.y) }) {
                grid[row(for: y)][column(for: x)] = curve.mark
            }
        }
        var lines: [String] = []
        for (index, cells) in grid.enumerated() {
            let label = index == 0 ? "1.0 ┤" : index == height - 1 ? "0.0 ┤" : "    │"
            lines.append(label + String(cells))
        }
        lines.append("    └" + String(repeating: "─", count: width))
        lines.append("     0.0" + String(repeating: " ", count: max(1, width - 6)) + "1.0")
        lines.append("     \(xLabel) →   ↑ \(yLabel)")
        return lines.map { $0.trimmingTrailingSpaces() }
    }

    private func row(for y: Double) -> Int { height - 1 - Int((min(1, max(0, y)) * Double(height - 1)).rounded()) }
    private func column(for x: Double) -> Int { Int((min(1, max(0, x)) * Double(width - 1)).rounded()) }

    /// Points filled in along each segment so a curve reads as a line.
    private func interpolated(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 1 else { return points }
        var result: [(Double, Double)] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let steps = max(1, Int(max(abs(b.0 - a.0) * Double(width), abs(b.1 - a.1) * Double(height)) * 2))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                result.append((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
            }
        }
        return result
    }
}
