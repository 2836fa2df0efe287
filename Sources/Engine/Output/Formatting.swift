import Foundation

/// How numbers read in mlw's output: fixed decimals for metrics, grouping for counts.
public enum Formatting {
    /// `0.9667` – four decimals, the precision of every metric mlw prints.
    public static func metric(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.4f", value)
    }

    /// A statistic or p-value: below 1, four significant digits (`0.04996`, `0.001015`), else up to four decimals;
    /// no trailing zeros.
    public static func statistic(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1 { return String(format: "%.4g", value) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A duration as it varies from run to run: shown in ms or s, recorded as `<time>`.
    public static func duration(_ seconds: Double) -> Segment {
        let shown = seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
        return .volatile(shown: shown, recorded: "<time>")
    }

    public static func bytes(_ count: Int) -> String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// `1 row`, `150 rows`.
    /// A share as a percentage with one decimal: `12.5 %`.
    public static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }

    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? (noun.hasSuffix("s") ? noun + "es" : noun + "s"))"
    }
}
