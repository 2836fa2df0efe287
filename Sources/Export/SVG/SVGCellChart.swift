import Foundation
import Engine

/// A table cell's chart as a small inline SVG: a bar in its track, a histogram on its baseline, a shaded count.
enum SVGCellChart {
    /// The SVG of `chart` with the next id, or nil when there is nothing to draw (a histogram of no counts).
    static func render(_ chart: CellChart, ids: inout ChartIDs) -> String? {
        switch chart {
        case .bar(let value, let top, let width):
            return bar(value: value, top: top, width: width, id: ids.take())
        case .histogram(let counts):
            guard !counts.isEmpty else { return nil }
            return histogram(counts, id: ids.take())
        case .shade(let count, let top):
            return shade(count: count, top: top, id: ids.take())
        }
    }

    /// Five pixels per character of the terminal's bar; the track shows where `top` ends.
    private static func bar(value: Double, top: Double, width: Int, id: String) -> String {
        let length = Double(max(1, width) * 5)
        let fraction = top > 0 && value > 0 && value.isFinite ? min(1, value / top) : 0
        let label = "\(Formatting.metric(value)) of \(Formatting.metric(top))"
        return open(id: id, kind: "bar", width: length, height: 14, label: label)
            + "<rect class=\"track\" x=\"0\" y=\"3\" width=\"\(SVGFormat.number(length))\" height=\"8\" rx=\"2\" fill=\"\(SVGFormat.grid)\"/>"
            + "<rect class=\"bar\" x=\"0\" y=\"3\" width=\"\(SVGFormat.number(fraction * length))\" height=\"8\" rx=\"2\" fill=\"\(SVGFormat.accent)\"/>"
            + "</svg>"
    }

    /// One bin per count, scaled to the largest, on a baseline; an empty bin draws nothing above it.
    private static func histogram(_ counts: [Int], id: String) -> String {
        let binWidth = 7.0, gap = 1.0, height = 22.0
        let width = Double(counts.count) * (binWidth + gap) - gap
        let top = Double(max(1, counts.max() ?? 1))
        var body = ""
        for (index, count) in counts.enumerated() where count > 0 {
            let barHeight = max(1.5, Double(count) / top * (height - 2))
            body += "<rect class=\"bin\" x=\"\(SVGFormat.number(Double(index) * (binWidth + gap)))\" y=\"\(SVGFormat.number(height - 1 - barHeight))\" "
                + "width=\"\(SVGFormat.number(binWidth))\" height=\"\(SVGFormat.number(barHeight))\" fill=\"\(SVGFormat.accent)\"/>"
        }
        let baseline = "<rect class=\"baseline\" x=\"0\" y=\"\(SVGFormat.number(height - 1))\" width=\"\(SVGFormat.number(width))\" height=\"1\" fill=\"\(SVGFormat.axis)\"/>"
        let label = "counts " + counts.map(String.init).joined(separator: " ")
        return open(id: id, kind: "histogram", width: width, height: height, label: label) + body + baseline + "</svg>"
    }

    /// A square shaded by `count / top`, with the count written in it.
    private static func shade(count: Int, top: Int, id: String) -> String {
        let share = top > 0 ? Double(count) / Double(top) : 0
        let textColour = share > 0.55 ? "#ffffff" : SVGFormat.ink
        return open(id: id, kind: "shade", width: 48, height: 24, label: "\(count)")
            + "<rect class=\"shade\" x=\"0.5\" y=\"0.5\" width=\"47\" height=\"23\" rx=\"2\" fill=\"\(SVGFormat.accent)\" "
            + "fill-opacity=\"\(String(format: "%.2f", share))\" stroke=\"\(SVGFormat.axis)\"/>"
            + "<text x=\"24\" y=\"16\" text-anchor=\"middle\" fill=\"\(textColour)\" \(SVGFormat.font)>\(count)</text></svg>"
    }

    private static func open(id: String, kind: String, width: Double, height: Double, label: String) -> String {
        let w = SVGFormat.number(width), h = SVGFormat.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart chart-\(kind)\" width=\"\(w)\" height=\"\(h)\" "
            + "viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(label.htmlEscaped)\"><title>\(label.htmlEscaped)</title>"
    }
}
