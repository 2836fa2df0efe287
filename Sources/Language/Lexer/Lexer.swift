/// Splits one logical command (physical lines joined by trailing `\`) into tokens.
///
/// A `#` outside a string ends the command: the rest is a comment.
public struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line: Int
    private var column = 1

    public init(_ text: String, firstLine: Int = 1) {
        characters = Array(text)
        line = firstLine
    }

    /// Every token, or the first lexical error.
    public static func tokenize(_ text: String, firstLine: Int = 1) throws(Diagnostic) -> [LexedToken] {
        var lexer = Lexer(text, firstLine: firstLine)
        var tokens: [LexedToken] = []
        while let token = try lexer.next() { tokens.append(token) }
        return tokens
    }

    /// The tokens that lex cleanly up to the first error, and that error if any (for completion).
    public static func tokenizePrefix(_ text: String) -> (tokens: [LexedToken], error: Diagnostic?) {
        var lexer = Lexer(text)
        var tokens: [LexedToken] = []
        do {
            while let token = try lexer.next() { tokens.append(token) }
            return (tokens, nil)
        } catch {
            return (tokens, error)
        }
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }
    private func peek(_ offset: Int = 1) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        if characters[index].isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpace() {
        while let char = current {
            if char == " " || char == "\t" || char.isNewline {
                advance()
            } else if char == "\\", peek()?.isNewline ?? false {
                advance()
            } else {
                return
            }
        }
    }

    public mutating func next() throws(Diagnostic) -> LexedToken? {
        skipSpace()
        guard let char = current, char != "#" else { return nil }
        let start = SourceRange(line: line, column: column)
        func made(_ token: Token, _ startIndex: Int) -> LexedToken {
            LexedToken(token: token, range: SourceRange(line: start.line, column: start.column, length: index - startIndex))
        }
        let startIndex = index
        switch char {
        case "[": advance(); return made(.leftBracket, startIndex)
        case "]": advance(); return made(.rightBracket, startIndex)
        case ",": advance(); return made(.comma, startIndex)
        case "\"": return try string(start)
        case "$":
            advance()
            guard let first = current, first.isLetter || first == "_" else {
                throw Diagnostic("expected a parameter name after `$`", at: start, hint: "write `$NAME` for a value set by `param NAME=...`")
            }
            let name = identifierCharacters()
            return made(.parameter(name), startIndex)
        case "=", "<", ">", "!":
            advance()
            if current == "=" {
                advance()
                let op: ComparisonOperator = switch char {
                case "=": .equal
                case "<": .lessOrEqual
                case ">": .greaterOrEqual
                default: .notEqual
                }
                return made(.comparison(op), startIndex)
            }
            switch char {
            case "=": return made(.equals, startIndex)
            case "<": return made(.comparison(.less), startIndex)
            case ">": return made(.comparison(.greater), startIndex)
            default: throw Diagnostic("unexpected `!`", at: start, hint: "the not-equal operator is `!=`")
            }
        default:
            if char.isNumber || ((char == "-" || char == "+" || char == ".") && (peek()?.isNumber ?? false))
                || ((char == "-" || char == "+") && peek() == "." && (peek(2)?.isNumber ?? false)) {
                return try number(start, startIndex)
            }
            if char.isLetter || char == "_" {
                let text = word()
                if let next = current, "/\\:".contains(next) { throw unquotedPath(start, startIndex) }
                return made(.word(text), startIndex)
            }
            if "/~".contains(char) { throw unquotedPath(start, startIndex) }
            throw Diagnostic("unexpected character `\(char)`", at: start,
                             hint: "words start with a letter; text goes in double quotes")
        }
    }

    /// A file path written without quotes: the whole run up to the next space, with a fix.
    private mutating func unquotedPath(_ start: SourceRange, _ startIndex: Int) -> Diagnostic {
        while let char = current, !char.isWhitespace, char != "#" { advance() }
        let text = String(characters[startIndex..<index])
        return Diagnostic("`\(text)` looks like a file path: paths go in double quotes",
                          at: SourceRange(line: start.line, column: start.column, length: index - startIndex),
                          hint: "write \"\(text)\"")
    }

    private mutating func identifierCharacters() -> String {
        var text = ""
        while let char = current, char.isLetter || char.isNumber || char == "_" || char == "." || char == "-" {
            if char == ".", !(peek()?.isLetter ?? false) && !(peek()?.isNumber ?? false) && peek() != "_" { break }
            text.append(char)
            advance()
        }
        return text
    }

    /// An identifier, with an optional `@VERSION` or `@STAGE` and a dotted path after it.
    private mutating func word() -> String {
        var text = identifierCharacters()
        if current == "@", let next = peek(), next.isLetter || next.isNumber {
            text.append("@")
            advance()
            text += identifierCharacters()
        }
        return text
    }

    private mutating func number(_ start: SourceRange, _ startIndex: Int) throws(Diagnostic) -> LexedToken {
        var text = ""
        func take() { text.append(current!); advance() }
        if current == "-" || current == "+" { take() }
        while let char = current, char.isNumber { take() }
        if current == ".", peek()?.isNumber ?? false { take(); while let char = current, char.isNumber { take() } }
        if current == "e" || current == "E" {
            let sign = peek()
            if sign?.isNumber ?? false || ((sign == "-" || sign == "+") && (peek(2)?.isNumber ?? false)) {
                take()
                if current == "-" || current == "+" { take() }
                while let char = current, char.isNumber { take() }
            }
        }
        var percent = false
        if current == "%" { percent = true; advance() }
        if let char = current, char.isLetter || char == "_" {
            let rest = identifierCharacters()
            throw Diagnostic("`\(text)\(rest)` is neither a number nor a name", at: SourceRange(line: start.line, column: start.column, length: index - startIndex),
                             hint: "names start with a letter")
        }
        guard let value = Double(text) else {
            throw Diagnostic("`\(text)` is not a number", at: start)
        }
        let spelled = percent ? text + "%" : text
        return LexedToken(token: .number(percent ? value / 100 : value, text: spelled, percent: percent),
                          range: SourceRange(line: start.line, column: start.column, length: index - startIndex))
    }

    private mutating func string(_ start: SourceRange) throws(Diagnostic) -> LexedToken {
        let startIndex = index
        advance()
        var text = ""
        while let char = current {
            if char == "\"" {
                advance()
                return LexedToken(token: .string(text), range: SourceRange(line: start.line, column: start.column, length: index - startIndex))
            }
            if char.isNewline { break }
            if char == "\\" {
                advance()
                switch current {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                default:
                    throw Diagnostic("unknown escape `\\\(current.map(String.init) ?? "")` in a string", at: SourceRange(line: line, column: column - 1, length: 2),
                                     hint: "inside quotes write `\\\"` for a quote and `\\\\` for a backslash")
                }
                advance()
                continue
            }
            text.append(char)
            advance()
        }
        throw Diagnostic("unterminated string", at: start, hint: "close it with `\"` on the same line")
    }
}
