import Engine

/// Curves on axes from 0 to 1 (ROC) as one SVG: grid, chance diagonal, a polyline per series, a legend.
enum SVGLinePlot {
    private static let left = 52.0, top = 14.0, side = 260.0, legendX = 336.0

    static func render(_ plot: LinePlot, id: String) -> String {
        let width = legendX + 230, height = top + side + 46
        let label = plot.series.map(\.label).joined(separator: "; ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart chart-plot\" width=\"\(SVGFormat.number(width))\" "
            + "height=\"\(SVGFormat.number(height))\" viewBox=\"0 0 \(SVGFormat.number(width)) \(SVGFormat.number(height))\" role=\"img\" "
            + "aria-label=\"\(label.htmlEscaped)\"><title>\(label.htmlEscaped)</title>"
        svg += axes(plot)
        for (index, series) in plot.series.enumerated() {
            let colour = SVGFormat.palette[index % SVGFormat.palette.count]
            let points = series.points.map { "\(x($0.x)),\(y($0.y))" }.joined(separator: " ")
            // Earlier curves are drawn wider, so that curves which coincide (a perfect classifier) all show.
            let strokeWidth = SVGFormat.number(2 + Double(plot.series.count - 1 - index) * 1.5)
            svg += "<polyline class=\"series\" points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(strokeWidth)\" "
                + "stroke-linejoin=\"round\"><title>\(series.label.htmlEscaped)</title></polyline>"
            let rowY = top + 8 + Double(index) * 18
            svg += "<rect class=\"swatch\" x=\"\(SVGFormat.number(legendX))\" y=\"\(SVGFormat.number(rowY - 5))\" width=\"14\" height=\"4\" fill=\"\(colour)\"/>"
                + "<text x=\"\(SVGFormat.number(legendX + 20))\" y=\"\(SVGFormat.number(rowY))\" fill=\"\(SVGFormat.ink)\" \(SVGFormat.font)>"
                + "\(series.label.htmlEscaped)</text>"
        }
        return svg + "</svg>"
    }

    /// The frame, grid lines and ticks every quarter, the dashed diagonal of a random guess, and the axis labels.
    private static func axes(_ plot: LinePlot) -> String {
        var svg = ""
        for step in 0...4 {
            let value = Double(step) / 4
            svg += "<line x1=\"\(x(value))\" y1=\"\(y(0))\" x2=\"\(x(value))\" y2=\"\(y(1))\" stroke=\"\(SVGFormat.grid)\"/>"
                + "<line x1=\"\(x(0))\" y1=\"\(y(value))\" x2=\"\(x(1))\" y2=\"\(y(value))\" stroke=\"\(SVGFormat.grid)\"/>"
                + "<text x=\"\(x(value))\" y=\"\(SVGFormat.number(top + side + 15))\" text-anchor=\"middle\" fill=\"\(SVGFormat.muted)\" \(SVGFormat.font)>"
                + "\(String(value))</text>"
                + "<text x=\"\(SVGFormat.number(left - 6))\" y=\"\(SVGFormat.number(top + side * (1 - value) + 4))\" text-anchor=\"end\" "
                + "fill=\"\(SVGFormat.muted)\" \(SVGFormat.font)>\(String(value))</text>"
        }
        svg += "<line class=\"chance\" x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(1))\" y2=\"\(y(1))\" stroke=\"\(SVGFormat.axis)\" stroke-dasharray=\"4 4\"/>"
        svg += "<rect class=\"frame\" x=\"\(x(0))\" y=\"\(y(1))\" width=\"\(SVGFormat.number(side))\" height=\"\(SVGFormat.number(side))\" "
            + "fill=\"none\" stroke=\"\(SVGFormat.axis)\"/>"
        svg += "<text x=\"\(SVGFormat.number(left + side / 2))\" y=\"\(SVGFormat.number(top + side + 36))\" text-anchor=\"middle\" "
            + "fill=\"\(SVGFormat.ink)\" \(SVGFormat.font)>\(plot.xLabel.htmlEscaped)</text>"
        let middle = SVGFormat.number(top + side / 2)
        svg += "<text x=\"14\" y=\"\(middle)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(middle))\" "
            + "fill=\"\(SVGFormat.ink)\" \(SVGFormat.font)>\(plot.yLabel.htmlEscaped)</text>"
        return svg
    }

    private static func x(_ value: Double) -> String { SVGFormat.number(left + min(1, max(0, value)) * side) }
    private static func y(_ value: Double) -> String { SVGFormat.number(top + (1 - min(1, max(0, value))) * side) }
}
