/// A completer's answer: replace the line's characters from `start` up to the
/// cursor with one of `candidates`.
///
/// Offsets count `Character`s of the line, like `line.count`.
/// ```swift
/// editor.completer = { line, cursor in
///     let word = Completion.word(in: line, cursor: cursor)
///     return Completion(start: word.start,
///                       candidates: ["load", "logistic"].filter { $0.hasPrefix(word.text) })
/// }
/// ```
/// One candidate completes the word and adds a space, like bash: inside a
/// string, the closing `"` and a space; nothing when the candidate ends with
/// `/` (a directory), `=`, `(`, `[` or `.`, which the user goes on typing after.
/// Several complete their common prefix; a second Tab lists them.
/// Candidates should extend what is typed: inside a quoted path, a candidate
/// that does not start with the text up to the last `/` or space is dropped.
public struct Completion: Sendable, Equatable {
    /// Where the replaced text starts, in `Character`s from the start of the line.
    public var start: Int
    /// Replacements for the text from `start` to the cursor.
    public var candidates: [String]

    public init(start: Int, candidates: [String]) {
        self.start = start
        self.candidates = candidates
    }

    /// No completion.
    public static let none = Completion(start: 0, candidates: [])
}

/// The word under the cursor, as ``Completion/word(in:cursor:isWordCharacter:)`` finds it.
public struct CompletionWord: Sendable, Equatable {
    /// Where the word starts, in `Character`s.
    public var start: Int
    /// The word's text from `start` to the cursor.
    public var text: String
    /// True inside a double-quoted string: the word runs back to the opening quote.
    public var isQuoted: Bool

    public init(start: Int, text: String, isQuoted: Bool) {
        self.start = start
        self.text = text
        self.isQuoted = isQuoted
    }
}

extension Completion {
    /// The word ending at `cursor`: inside an unclosed `"` string everything
    /// after the quote (a file path, spaces included); elsewhere the run of
    /// word characters (letters, digits, `_` by default) before the cursor.
    public static func word(
        in line: String, cursor: Int,
        isWordCharacter: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" }
    ) -> CompletionWord {
        let before = Array(line.prefix(max(0, cursor)))
        var openQuote: Int?
        var escaped = false
        for (index, character) in before.enumerated() {
            if escaped { escaped = false; continue }
            if character == "\\" && openQuote != nil { escaped = true; continue }
            if character == "\"" { openQuote = openQuote == nil ? index : nil }
        }
        if let quote = openQuote {
            return CompletionWord(start: quote + 1, text: String(before[(quote + 1)...]), isQuoted: true)
        }
        var start = before.count
        while start > 0 && isWordCharacter(before[start - 1]) { start -= 1 }
        return CompletionWord(start: start, text: String(before[start...]), isQuoted: false)
    }
}
