/// Compares a command's fresh output with its recorded `#>` lines.
enum OutputCheck {
    /// Every difference as `FILE:LINE: expected ... got ...`, in order; empty when equal.
    static func differences(file: String, recorded: [(text: String, line: Int)], fresh: [String], commandLastLine: Int) -> [String] {
        var problems: [String] = []
        for index in 0..<max(recorded.count, fresh.count) {
            switch (index < recorded.count ? recorded[index] : nil, index < fresh.count ? fresh[index] : nil) {
            case let (expected?, got?) where expected.text != got:
                problems.append("\(file):\(expected.line): expected \(quote(expected.text))\n    got \(quote(got))")
            case let (expected?, nil):
                problems.append("\(file):\(expected.line): expected \(quote(expected.text))\n    got no more output")
            case let (nil, got?):
                let line = recorded.last.map { $0.line } ?? commandLastLine
                problems.append("\(file):\(line): unexpected output after the recorded lines\n    got \(quote(got))")
            default:
                continue
            }
        }
        return problems
    }

    private static func quote(_ text: String) -> String { "`\(text)`" }
}
