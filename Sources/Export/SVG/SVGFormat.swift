import Foundation

/// Numbers and colours as the page's SVG writes them.
enum SVGFormat {
    /// A coordinate with at most one decimal: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static let ink = "#1d2330"
    static let muted = "#5b6475"
    static let grid = "#e6eaf0"
    static let axis = "#9aa3b2"
    static let accent = "#2563eb"
    /// One colour per curve, in the order of the terminal's marks (● ■ ▲ ◆ …).
    static let palette = ["#2563eb", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
    static let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"11\""
}
