import Foundation

/// Writes replay results as JUnit XML: one test suite per file, one test case per command.
public enum JUnitReport {
    public static func xml(_ reports: [RunReport]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let tests = reports.reduce(0) { $0 + $1.results.count + $1.parseErrors.count }
        let failures = reports.reduce(0) { $0 + $1.failures }
        let errors = reports.reduce(0) { $0 + $1.parseErrors.count }
        lines.append("<testsuites name=\"mlw run\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">")
        for report in reports {
            let skipped = report.results.filter { $0.status == .skipped }.count
            let time = report.results.reduce(0) { $0 + $1.seconds }
            lines.append("  <testsuite name=\"\(escape(report.file))\" tests=\"\(report.results.count + report.parseErrors.count)\" failures=\"\(report.failures)\" errors=\"\(report.parseErrors.count)\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", time))\">")
            for parseError in report.parseErrors {
                let first = parseError.message.split(separator: "\n").first.map(String.init) ?? parseError.message
                lines.append("    <testcase classname=\"\(escape(report.file))\" name=\"line \(parseError.line): does not parse\" time=\"0.000\">")
                lines.append("      <error type=\"parse\" message=\"\(escape(first))\">\(escape(parseError.message))</error>")
                lines.append("    </testcase>")
            }
            for result in report.results {
                let name = escape("line \(result.line): \(result.source.replacingOccurrences(of: "\n", with: " "))")
                let open = "    <testcase classname=\"\(escape(report.file))\" name=\"\(name)\" time=\"\(String(format: "%.3f", result.seconds))\""
                switch result.status {
                case .passed:
                    lines.append(open + "/>")
                case .skipped:
                    lines.append(open + "><skipped message=\"an earlier command failed\"/></testcase>")
                case .failed(let message), .assertionFailed(let message), .differs(let message):
                    let type = switch result.status {
                    case .assertionFailed: "assertion"
                    case .differs: "check"
                    default: "error"
                    }
                    let first = message.split(separator: "\n").first.map(String.init) ?? message
                    lines.append(open + ">")
                    lines.append("      <failure type=\"\(type)\" message=\"\(escape(first))\">\(escape(message))</failure>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
