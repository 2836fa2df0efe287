import Language
import Store

/// The `where=` filter of `runs`: comparisons on params and metrics joined by `and`/`or`, with parentheses.
///
/// ```
/// runs where="f1 > 0.8 and (trees >= 100 or depth == 5)"
/// ```
/// `and` binds tighter than `or`; `=` means `==`; `80%` is 0.8; a word or quoted text compares as text.
enum RunFilter {
    static let example = "where=\"f1 > 0.8 and (trees >= 100 or depth == 5)\""

    /// - Parameter range: where the quoted filter stands in the command, so errors point inside it.
    static func parse(_ text: String, at range: SourceRange?) throws(Diagnostic) -> RunPredicate {
        var parser = FilterParser(tokens: try FilterToken.scan(text, at: range), text: text, range: range)
        guard !parser.tokens.isEmpty else {
            throw Diagnostic("empty filter", at: range, hint: "for example: \(example)")
        }
        let predicate = try parser.expression()
        if let extra = parser.current {
            throw parser.error("expected `and`, `or` or the end of the filter, found `\(extra.text)`", at: extra)
        }
        return predicate
    }
}

struct FilterToken {
    enum Kind: Equatable { case word, number(Double), text, op(ComparisonOp), open, close }
    var kind: Kind
    var text: String
    var offset: Int

    static func scan(_ source: String, at range: SourceRange?) throws(Diagnostic) -> [FilterToken] {
        let characters = Array(source)
        var tokens: [FilterToken] = []
        var index = 0
        func place(_ offset: Int, _ length: Int) -> SourceRange? {
            range.map { SourceRange(line: $0.line, column: $0.column + 1 + offset, length: length) }
        }
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace { index += 1; continue }
            if character == "(" || character == ")" {
                tokens.append(FilterToken(kind: character == "(" ? .open : .close, text: String(character), offset: start))
                index += 1
            } else if "<>=!".contains(character) {
                var op = String(character)
                if index + 1 < characters.count, characters[index + 1] == "=" { op.append("="); index += 1 }
                index += 1
                let comparison: ComparisonOp? = op == "=" ? .equal : ComparisonOp(rawValue: op)
                guard let comparison else {
                    throw Diagnostic("`\(op)` is not a comparison", at: place(start, op.count), hint: "use one of < <= == != >= >")
                }
                tokens.append(FilterToken(kind: .op(comparison), text: op, offset: start))
            } else if character == "'" || character == "\"" {
                index += 1
                while index < characters.count, characters[index] != character { index += 1 }
                guard index < characters.count else {
                    throw Diagnostic("unclosed quote in the filter", at: place(start, 1), hint: "close it with \(character)")
                }
                tokens.append(FilterToken(kind: .text, text: String(characters[(start + 1)..<index]), offset: start))
                index += 1
            } else if character.isNumber || ((character == "-" || character == "+" || character == ".")
                                             && index + 1 < characters.count && (characters[index + 1].isNumber || characters[index + 1] == ".")) {
                index += 1
                while index < characters.count, characters[index].isNumber || ".eE".contains(characters[index])
                        || ((characters[index] == "-" || characters[index] == "+") && "eE".contains(characters[index - 1])) {
                    index += 1
                }
                var spelled = String(characters[start..<index])
                var scale = 1.0
                if index < characters.count, characters[index] == "%" { index += 1; scale = 0.01; spelled += "%" }
                guard let number = Double(scale == 1 ? spelled : String(spelled.dropLast())) else {
                    throw Diagnostic("`\(spelled)` is not a number", at: place(start, spelled.count))
                }
                tokens.append(FilterToken(kind: .number(number * scale), text: spelled, offset: start))
            } else if character.isLetter || character == "_" || character == "&" || character == "|" {
                if character == "&" || character == "|" {
                    let pair = index + 1 < characters.count && characters[index + 1] == character
                    guard pair else { throw Diagnostic("`\(character)` alone is not an operator", at: place(start, 1), hint: "write `and` or `or`") }
                    index += 2
                    tokens.append(FilterToken(kind: .word, text: character == "&" ? "and" : "or", offset: start))
                    continue
                }
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || "_.-".contains(characters[index]) {
                    index += 1
                }
                tokens.append(FilterToken(kind: .word, text: String(characters[start..<index]), offset: start))
            } else {
                throw Diagnostic("unexpected `\(character)` in the filter", at: place(start, 1), hint: "for example: \(RunFilter.example)")
            }
        }
        return tokens
    }
}

private struct FilterParser {
    let tokens: [FilterToken]
    let text: String
    let range: SourceRange?
    var position = 0

    init(tokens: [FilterToken], text: String, range: SourceRange?) {
        self.tokens = tokens
        self.text = text
        self.range = range
    }

    var current: FilterToken? { position < tokens.count ? tokens[position] : nil }

    func error(_ message: String, at token: FilterToken?) -> Diagnostic {
        let offset = token?.offset ?? text.count
        let length = token.map { $0.kind == .text ? $0.text.count + 2 : $0.text.count } ?? 1
        return Diagnostic(message, at: range.map { SourceRange(line: $0.line, column: $0.column + 1 + offset, length: length) },
                          hint: "for example: \(RunFilter.example)")
    }

    private func isKeyword(_ word: String) -> Bool {
        guard let token = current, token.kind == .word else { return false }
        return token.text.lowercased() == word
    }

    mutating func expression() throws(Diagnostic) -> RunPredicate {
        var left = try term()
        while isKeyword("or") {
            position += 1
            left = .or(left, try term())
        }
        return left
    }

    private mutating func term() throws(Diagnostic) -> RunPredicate {
        var left = try factor()
        while isKeyword("and") {
            position += 1
            left = .and(left, try factor())
        }
        return left
    }

    private mutating func factor() throws(Diagnostic) -> RunPredicate {
        guard let token = current else {
            throw error("expected a comparison such as `f1 > 0.8` after `\(tokens.last?.text ?? "")`", at: nil)
        }
        if token.kind == .open {
            position += 1
            let inner = try expression()
            guard current?.kind == .close else { throw error("unclosed `(`", at: token) }
            position += 1
            return inner
        }
        guard token.kind == .word, !["and", "or"].contains(token.text.lowercased()) else {
            throw error("expected a param or metric name, found `\(token.text)`", at: token)
        }
        position += 1
        guard let opToken = current, case .op(let op) = opToken.kind else {
            throw error("expected a comparison such as `\(token.text) > 0.8` after `\(token.text)`", at: current)
        }
        position += 1
        guard let valueToken = current else { throw error("expected a value after `\(opToken.text)`", at: nil) }
        let value: RunValue
        switch valueToken.kind {
        case .number(let number): value = .number(number)
        case .word where !["and", "or"].contains(valueToken.text.lowercased()), .text: value = .text(valueToken.text)
        default: throw error("expected a value after `\(opToken.text)`, found `\(valueToken.text)`", at: valueToken)
        }
        position += 1
        return .compare(field: token.text, op: op, value: value)
    }
}
