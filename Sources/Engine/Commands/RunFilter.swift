import Language
import Store

/// The `where=` filter of `runs`: comparisons of metrics and params joined by `and` and `or`, with parentheses.
///
/// ```
/// runs forest where="f1 > 0.8 and (trees >= 100 or depth == 5)"
/// ```
///
/// Grammar (`and` binds tighter than `or`; both group from the left):
///
///     expr   := term (("or" | "OR" | "||") term)*
///     term   := factor (("and" | "AND" | "&&") factor)*
///     factor := "(" expr ")" | FIELD OP VALUE
///
/// - FIELD: a metric or param name (or `algorithm`, `kind`, `seed`): a letter or `_`, then letters, digits,
///   `_`, `.` and `-`.
/// - OP: `<` `<=` `==` `!=` `>=` `>`, and `=` for `==`.
/// - VALUE: a number (`0.8`, `1e-3`, `-2`, `80%` for 0.8), or text: a word (`sqrt`) or quoted in `'` or `"`.
///
/// Errors point inside the quoted filter: at the offending token, or at the token after which something is
/// missing when the filter ends early.
enum RunFilter {
    static let example = #"where="f1 > 0.8 and (trees >= 100 or depth == 5)""#

    /// The predicate `text` denotes.
    ///
    /// - Parameter range: the source range of the whole quoted string token (from the opening quote,
    ///   quotes included), so errors point at the character they are about; nil when unknown.
    /// - Throws: `Diagnostic` saying what was expected where, with an example as the hint.
    static func parse(_ text: String, at range: SourceRange?) throws(Diagnostic) -> RunPredicate {
        let locator = FilterLocator(text: text, range: range)
        let tokens = try FilterScanner.scan(locator)
        guard !tokens.isEmpty else {
            throw Diagnostic("empty filter", at: range,
                             hint: #"compare metrics and params, for example: where="f1 > 0.8 and trees >= 100""#)
        }
        var parser = FilterParser(tokens: tokens, locator: locator)
        let predicate = try parser.expression()
        if let extra = parser.current {
            throw parser.unexpectedAfterComparison(extra)
        }
        return predicate
    }
}

/// One token of a filter, at a character offset into the filter's text.
struct FilterToken: Equatable {
    enum Kind: Equatable {
        /// A name or an unquoted text value.
        case word
        /// A number, its value already scaled for `%`.
        case number(Double)
        /// Text in quotes; `text` is its content.
        case quoted
        case comparison(ComparisonOp)
        case and, or, open, close
    }

    var kind: Kind
    /// The token as written (without the quotes of quoted text).
    var text: String
    /// Characters into the filter's text.
    var offset: Int
    /// Characters the token takes in the filter's text (with the quotes of quoted text).
    var length: Int
}

/// Maps a filter's character offsets to source ranges inside its quoted token.
///
/// The language's lexer turns `\"`, `\\`, `\n` and `\t` into one character each; when the token's length says
/// the text was written with such escapes, offsets are mapped back through them so the caret still lands on
/// the character meant. When the range cannot be the quoted text (a `$param` holding the filter), every error
/// points at the whole range.
struct FilterLocator {
    let text: [Character]
    let range: SourceRange?
    /// Source columns each character of `text` takes (1, or 2 for an escaped one); nil when the range is
    /// not the quoted text.
    private let widths: [Int]?

    init(text: String, range: SourceRange?) {
        self.text = Array(text)
        self.range = range
        let escaped = self.text.map { "\"\\\n\t".contains($0) ? 2 : 1 }
        if let range, range.length == self.text.count + 2 {
            widths = [Int](repeating: 1, count: self.text.count)
        } else if let range, escaped.reduce(0, +) + 2 == range.length {
            widths = escaped
        } else {
            widths = nil
        }
    }

    /// The source range of `length` characters at `offset` of the text.
    func range(offset: Int, length: Int) -> SourceRange? {
        guard let range, let widths else { return range }
        let start = widths.prefix(offset).reduce(0, +)
        let width = widths.dropFirst(offset).prefix(length).reduce(0, +)
        return SourceRange(line: range.line, column: range.column + 1 + start, length: max(width, length))
    }

    func range(of token: FilterToken) -> SourceRange? { range(offset: token.offset, length: token.length) }
}

/// Splits a filter's text into tokens; the parser gives them meaning by position.
enum FilterScanner {
    static func isNameStart(_ character: Character) -> Bool { character.isLetter || character == "_" }
    static func isNamePart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "." || character == "-"
    }

    /// The tokens of `locator`'s text, or the first character that cannot start one.
    static func scan(_ locator: FilterLocator) throws(Diagnostic) -> [FilterToken] {
        let characters = locator.text
        var tokens: [FilterToken] = []
        var index = 0
        func spelled(_ start: Int) -> String { String(characters[start..<index]) }
        while index < characters.count {
            let character = characters[index]
            let start = index
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isWhitespace {
                index += 1
            } else if character == "(" || character == ")" {
                index += 1
                tokens.append(FilterToken(kind: character == "(" ? .open : .close, text: String(character),
                                          offset: start, length: 1))
            } else if "<>=!".contains(character) {
                while index < characters.count, "<>=!".contains(characters[index]) { index += 1 }
                let op = spelled(start)
                guard let comparison = op == "=" ? ComparisonOp.equal : ComparisonOp(rawValue: op) else {
                    throw Diagnostic("`\(op)` is not a comparison", at: locator.range(offset: start, length: op.count),
                                     hint: comparisonHint(for: op))
                }
                tokens.append(FilterToken(kind: .comparison(comparison), text: op, offset: start, length: op.count))
            } else if character == "&" || character == "|" {
                let word = character == "&" ? "and" : "or"
                guard next == character else {
                    throw Diagnostic("`\(character)` alone is not an operator",
                                     at: locator.range(offset: start, length: 1),
                                     hint: "write `\(word)` or `\(character)\(character)`, for example: \(RunFilter.example)")
                }
                index += 2
                tokens.append(FilterToken(kind: character == "&" ? .and : .or, text: spelled(start),
                                          offset: start, length: 2))
            } else if character == "'" || character == "\"" {
                index += 1
                while index < characters.count, characters[index] != character { index += 1 }
                guard index < characters.count else {
                    throw Diagnostic("unclosed quote `\(character)`", at: locator.range(offset: start, length: 1),
                                     hint: "end the text with another \(character), for example: where=\"features == 'sqrt'\"")
                }
                index += 1
                tokens.append(FilterToken(kind: .quoted, text: String(characters[(start + 1)..<(index - 1)]),
                                          offset: start, length: index - start))
            } else if character.isNumber || ((character == "-" || character == "+" || character == ".")
                                             && (next?.isNumber ?? false || (character != "." && next == "."))) {
                index += 1
                while index < characters.count {
                    let part = characters[index]
                    let signOfExponent = (part == "-" || part == "+") && "eE".contains(characters[index - 1])
                    guard isNamePart(part) || part == "%" || signOfExponent else { break }
                    index += 1
                }
                let written = spelled(start)
                guard let number = number(written) else {
                    throw Diagnostic("`\(written)` is not a number", at: locator.range(offset: start, length: written.count),
                                     hint: "write a number like 0.8, 1e-3, -2 or 80%, or quote text: '\(written)'")
                }
                tokens.append(FilterToken(kind: .number(number), text: written, offset: start, length: written.count))
            } else if isNameStart(character) {
                while index < characters.count, isNamePart(characters[index]) { index += 1 }
                let word = spelled(start)
                let kind: FilterToken.Kind = switch word {
                case "and", "AND": .and
                case "or", "OR": .or
                default: .word
                }
                tokens.append(FilterToken(kind: kind, text: word, offset: start, length: word.count))
            } else {
                throw Diagnostic("unexpected `\(character)` in the filter", at: locator.range(offset: start, length: 1),
                                 hint: "for example: \(RunFilter.example)")
            }
        }
        return tokens
    }

    /// A decimal number, optionally with `%` (a hundredth): `0.8`, `-2`, `1e-3`, `.5`, `80%`; nil otherwise
    /// (no `inf`, `nan` or hexadecimal).
    static func number(_ written: String) -> Double? {
        let percent = written.hasSuffix("%")
        let body = percent ? String(written.dropLast()) : written
        var characters = Substring(body)
        if let sign = characters.first, sign == "-" || sign == "+" { characters = characters.dropFirst() }
        let mantissa = characters.prefix { $0 != "e" && $0 != "E" }
        var exponent = characters.dropFirst(mantissa.count)
        let digits = mantissa.filter { $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), mantissa.count - digits.count <= 1 else { return nil }
        if !exponent.isEmpty {
            exponent = exponent.dropFirst()
            if let sign = exponent.first, sign == "-" || sign == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard let value = Double(body), value.isFinite else { return nil }
        return percent ? value / 100 : value
    }

    static func comparisonHint(for op: String) -> String {
        let likely: [String: String] = ["=>": ">=", "=<": "<=", "<>": "!=", "!": "!=", "===": "==", "=!": "!="]
        if let meant = likely[op] { return "did you mean `\(meant)`?" }
        return "compare with one of < <= == != >= > (`=` means `==`)"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Recursive descent over the tokens, one method per rule of the grammar.
private struct FilterParser {
    let tokens: [FilterToken]
    let locator: FilterLocator
    var position = 0
    /// Open parentheses around the current position.
    var depth = 0

    init(tokens: [FilterToken], locator: FilterLocator) {
        self.tokens = tokens
        self.locator = locator
    }

    var current: FilterToken? { position < tokens.count ? tokens[position] : nil }
    var previous: FilterToken? { position > 0 ? tokens[position - 1] : nil }

    func error(_ message: String, at token: FilterToken?, hint: String) -> Diagnostic {
        Diagnostic(message, at: token.flatMap(locator.range(of:)) ?? locator.range, hint: hint)
    }

    mutating func expression() throws(Diagnostic) -> RunPredicate {
        var left = try term()
        while current?.kind == .or {
            position += 1
            left = .or(left, try term())
        }
        return left
    }

    private mutating func term() throws(Diagnostic) -> RunPredicate {
        var left = try factor()
        while current?.kind == .and {
            position += 1
            left = .and(left, try factor())
        }
        return left
    }

    private mutating func factor() throws(Diagnostic) -> RunPredicate {
        guard let token = current else {
            // Only after `and`, `or` or `(`: an empty filter never gets here.
            let last = previous
            throw error("expected a comparison such as `f1 > 0.8` after `\(last?.text ?? "")`", at: last,
                        hint: "for example: \(RunFilter.example)")
        }
        if token.kind == .open {
            position += 1
            depth += 1
            let inner = try expression()
            guard current?.kind == .close else {
                if let extra = current { throw unexpectedAfterComparison(extra) }
                throw error("unclosed `(`", at: token, hint: "close it with `)`, for example: \(RunFilter.example)")
            }
            position += 1
            depth -= 1
            return inner
        }
        guard token.kind == .word else {
            throw error("expected a param or metric name, found `\(token.text)`", at: token,
                        hint: #"a comparison starts with the name, for example: where="f1 > 0.8""#)
        }
        position += 1
        let field = token.text
        guard let opToken = current, case .comparison(let op) = opToken.kind else {
            throw error("expected a comparison such as `f1 > 0.8` after `\(field)`", at: current ?? token,
                        hint: "compare with < <= == != >= >, for example: where=\"\(field) >= 100\"")
        }
        position += 1
        let valueHint = "a value is a number (0.8, 1e-3, -2, 80%), a word or quoted text, "
            + "for example: where=\"\(field) \(opToken.text) 0.8\""
        guard let valueToken = current else {
            throw error("expected a value after `\(opToken.text)`", at: opToken, hint: valueHint)
        }
        let value: RunValue
        switch valueToken.kind {
        case .number(let number): value = .number(number)
        case .word, .quoted: value = .text(valueToken.text)
        case .and, .or:
            throw error("expected a value after `\(opToken.text)`, found `\(valueToken.text)`", at: valueToken,
                        hint: "quote it to compare with the word: '\(valueToken.text)'")
        case .comparison, .open, .close:
            throw error("expected a value after `\(opToken.text)`, found `\(valueToken.text)`", at: valueToken,
                        hint: valueHint)
        }
        position += 1
        return .compare(field: field, op: op, value: value)
    }

    /// The error for a token that follows a complete comparison but cannot continue the filter.
    func unexpectedAfterComparison(_ token: FilterToken) -> Diagnostic {
        if token.kind == .close {
            return error("unexpected `)`: no `(` before it to close", at: token,
                         hint: "remove it, or open a group: \(RunFilter.example)")
        }
        let joiners = depth > 0 ? "`and`, `or` or `)`" : "`and` or `or`"
        let found = token.kind == .quoted ? "'\(token.text)'" : "`\(token.text)`"
        let hint = ["and", "or"].contains(token.text.lowercased())
            ? "write `\(token.text.lowercased())` or `\(token.text.uppercased())`"
            : #"join comparisons with and / or, for example: where="f1 > 0.8 and trees >= 100""#
        return error("expected \(joiners) after `\(previous?.text ?? "")`, found \(found)", at: token, hint: hint)
    }
}
