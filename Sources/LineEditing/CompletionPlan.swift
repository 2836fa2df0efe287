/// A ``Completion`` translated for libedit.
///
/// libedit replaces *its* word before the cursor (the text after the last
/// word-break character), not the completer's: candidates are re-based on
/// libedit's word by stripping (or prefixing) the text between the two starts.
struct CompletionPlan: Equatable {
    /// libedit's matches, readline's way: what replaces its word, then every
    /// candidate (so a unique match appears twice: libedit reads `matches[2]`).
    var matches: [String]
    /// The byte libedit appends after a unique match; 0 appends nothing.
    var appendCharacter: UInt8

    init(matches: [String], appendCharacter: UInt8) {
        self.matches = matches
        self.appendCharacter = appendCharacter
    }

    /// Last characters of a candidate that the user goes on typing after: no space is appended.
    static let continued: Set<Character> = ["/", "=", "(", "[", "."]

    /// Nil when no candidate can be offered.
    init?(line: String, cursor: Int, completion: Completion, libeditWord: String) {
        let characters = Array(line)
        let cursor = min(max(cursor, 0), characters.count)
        let start = min(max(completion.start, 0), cursor)
        let ours = Array(String(characters[start..<cursor]).unicodeScalars)
        let theirs = Array(libeditWord.unicodeScalars)

        var rebased: [(original: String, match: String)] = []
        if ours.count >= theirs.count {
            let extra = ours[0..<(ours.count - theirs.count)]
            for candidate in completion.candidates where candidate.unicodeScalars.starts(with: extra) {
                let match = String(String.UnicodeScalarView(candidate.unicodeScalars.dropFirst(extra.count)))
                rebased.append((candidate, match))
            }
        } else {
            let extra = String(String.UnicodeScalarView(theirs[0..<(theirs.count - ours.count)]))
            rebased = completion.candidates.map { ($0, extra + $0) }
        }
        var seen = Set<String>()
        rebased = rebased.filter { seen.insert($0.match).inserted }
        guard let first = rebased.first else { return nil }

        if rebased.count == 1 {
            // Like bash: a space after a finished word; a file name inside a string also gets its
            // closing quote; nothing after a directory, an option key or an opening bracket.
            let word = Completion.word(in: line, cursor: cursor)
            var match = first.match
            var append: Character? = " "
            if let last = first.original.last, Self.continued.contains(last) {
                append = nil
            } else if word.isQuoted {
                if cursor < characters.count && characters[cursor] == "\"" {
                    append = nil  // the string is already closed
                } else {
                    match += "\""
                }
            }
            self.init(matches: [match, match], appendCharacter: append?.asciiValue ?? 0)
            return
        }
        var common = Array(first.match)
        for item in rebased.dropFirst() {
            common = Array(zip(common, item.match).prefix { $0.0 == $0.1 }.map(\.0))
        }
        var prefix = String(common)
        if prefix.unicodeScalars.count < theirs.count { prefix = libeditWord }  // never shorten what was typed
        // With several matches the append character only pads libedit's list.
        self.init(matches: [prefix] + rebased.map(\.match), appendCharacter: UInt8(ascii: " "))
    }
}
