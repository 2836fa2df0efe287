import Language

extension Script {
    /// The comment lines strictly between two physical lines (1-based), without `#` and one space;
    /// recorded output (`#>`) and directives (`#!`) are not comments.
    public func comment(after previous: Int, before next: Int) -> [String] {
        guard next - 1 > previous else { return [] }
        var comment: [String] = []
        for number in (previous + 1)..<next {
            guard let line = sourceLine(number) else { continue }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#"), !trimmed.hasPrefix("#>"), !trimmed.hasPrefix("#!") else { continue }
            var text = trimmed.dropFirst()
            if text.hasPrefix(" ") { text = text.dropFirst() }
            comment.append(String(text))
        }
        return comment
    }
}
