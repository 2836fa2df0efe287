/// Parses one command against the command table, reporting every problem it can find on the line.
public struct Parser: Sendable {
    public let table: CommandTable

    public init(table: CommandTable) {
        self.table = table
    }

    /// The command written in `source`, nothing for a blank or comment-only line, or every diagnostic found.
    public func parse(_ source: String, firstLine: Int = 1) -> ParseOutcome {
        let tokens: [LexedToken]
        do {
            tokens = try Lexer.tokenize(source, firstLine: firstLine)
        } catch {
            return .failure([error])
        }
        guard let first = tokens.first else { return .empty }
        var cursor = TokenCursor(tokens: tokens)
        guard case .word(let word) = first.token else {
            return .failure([Diagnostic("expected a command, found \(first.token.spelling)", at: first.range,
                                        hint: "type `help` for the list of commands")])
        }
        let forms = table.forms(named: word)
        guard !forms.isEmpty else {
            let hint = Suggestion.hint(for: word, in: table.commandNames + Array(table.aliases.keys)) ?? "type `help` for the list of commands"
            return .failure([Diagnostic("unknown command `\(word)`", at: first.range, hint: hint)])
        }
        cursor.advance()
        // The first form the line fits wins; a line that fits none reports the error of the form it went furthest in,
        // on a tie the later form (the table lists a general form like `export NAME to PATH` before a specific one).
        var fitting: ParseOutcome?
        var furthest: (error: Diagnostic, index: Int)?
        for spec in forms {
            var command = Command(name: spec.name, source: source, range: first.range)
            var formCursor = cursor
            do {
                try parsePattern(spec.pattern, of: spec, into: &command, cursor: &formCursor)
            } catch {
                if furthest.map({ formCursor.index >= $0.index }) ?? true { furthest = (error, formCursor.index) }
                continue
            }
            let outcome = finish(command, of: spec, cursor: &formCursor, tokens: tokens)
            if case .command = outcome { return outcome }
            fitting = fitting ?? outcome
        }
        if let fitting { return fitting }
        guard var error = furthest?.error else { return .failure([]) }
        if forms.count > 1, error.hint?.hasPrefix("usage: ") == true {
            error.hint = "usage: " + forms.map(\.usage).joined(separator: ", or ")
        }
        return .failure([error])
    }

    /// The options after a form's pattern, and the checks on the whole command.
    private func finish(_ command: Command, of spec: CommandSpec, cursor: inout TokenCursor, tokens: [LexedToken]) -> ParseOutcome {
        var command = command
        let problems = parseOptions(of: spec, into: &command, cursor: &cursor)
        if !problems.isEmpty { return .failure(problems) }
        if spec.requiresOption, command.options.isEmpty {
            return .failure([Diagnostic("`\(spec.name)` needs an option", at: command.range, hint: "for example: \(spec.example)")])
        }
        if let last = tokens.last { command.range = command.range.through(last.range) }
        return .command(command)
    }

    private func parsePattern(_ pattern: [PatternElement], of spec: CommandSpec, into command: inout Command,
                              cursor: inout TokenCursor) throws(Diagnostic) {
        for element in pattern {
            switch element {
            case .keyword(let keyword):
                try expectKeyword(keyword, cursor: &cursor)
            case .slot(let name, let kind):
                try parseSlot(name, kind, of: spec, into: &command, cursor: &cursor)
            case .optional(let elements):
                if cursor.isAtEnd || cursor.isAtOption { continue }
                try parsePattern(elements, of: spec, into: &command, cursor: &cursor)
            }
        }
    }

    private func expectKeyword(_ keyword: String, cursor: inout TokenCursor) throws(Diagnostic) {
        let expected = "`\(keyword)`"
        guard let token = cursor.current else {
            throw Diagnostic("expected \(expected) after \(cursor.previousSpelling)", at: cursor.endRange)
        }
        let matches: Bool = switch (keyword, token.token) {
        case (",", .comma), ("=", .equals): true
        case (_, .word(let word)): word == keyword
        default: false
        }
        if matches {
            cursor.advance()
            return
        }
        var hint: String?
        if case .word(let word) = token.token { hint = Suggestion.hint(for: word, in: [keyword]) }
        throw Diagnostic("expected \(expected) after \(cursor.previousSpelling), found \(token.token.spelling)", at: token.range, hint: hint)
    }

    private func parseSlot(_ name: String, _ kind: SlotKind, of spec: CommandSpec, into command: inout Command,
                           cursor: inout TokenCursor) throws(Diagnostic) {
        guard let token = cursor.current else {
            throw Diagnostic("expected \(Self.describe(kind, name)) after \(cursor.previousSpelling)", at: cursor.endRange,
                             hint: "usage: \(spec.usage)")
        }
        let wrong = Diagnostic("expected \(Self.describe(kind, name)), found \(token.token.spelling)", at: token.range,
                               hint: "usage: \(spec.usage)")
        switch kind {
        case .newName:
            guard case .word(let word) = token.token, !word.contains("@") else { throw wrong }
            command.slots[name] = Located(.word(word), token.range)
            cursor.advance()
        case .dataset, .valuePath, .model:
            switch token.token {
            case .word(let word): command.slots[name] = Located(.word(word), token.range)
            case .parameter(let parameter): command.slots[name] = Located(.parameter(parameter), token.range)
            case .string(let text) where kind == .dataset: command.slots[name] = Located(.string(text), token.range)
            default: throw wrong
            }
            cursor.advance()
        case .models:
            var names: [Value] = []
            var range = token.range
            while true {
                guard let current = cursor.current, case .word(let word) = current.token else {
                    throw Diagnostic("expected a model name after \(cursor.previousSpelling)", at: cursor.current?.range ?? cursor.endRange)
                }
                names.append(.word(word))
                range = range.through(current.range)
                cursor.advance()
                guard case .comma? = cursor.current?.token else { break }
                cursor.advance()
            }
            command.slots[name] = Located(.list(names), range)
        case .algorithm:
            if case .parameter(let parameter) = token.token {
                command.slots[name] = Located(.parameter(parameter), token.range)
                cursor.advance()
                return
            }
            guard case .word(let word) = token.token else { throw wrong }
            guard table.algorithm(named: word) != nil else {
                throw Diagnostic("unknown algorithm `\(word)`", at: token.range,
                                 hint: Suggestion.hint(for: word, in: table.algorithmNames)
                                    ?? "algorithms: " + table.algorithmNames.joined(separator: ", "))
            }
            command.slots[name] = Located(.word(word), token.range)
            cursor.advance()
        case .path:
            switch token.token {
            case .string(let text): command.slots[name] = Located(.string(text), token.range)
            case .parameter(let parameter): command.slots[name] = Located(.parameter(parameter), token.range)
            case .word(let word):
                throw Diagnostic("expected a file path in double quotes, found `\(word)`", at: token.range, hint: "write \"\(word)\"")
            default: throw wrong
            }
            cursor.advance()
        case .choice(let choices):
            guard case .word(let word) = token.token else { throw wrong }
            guard choices.contains(word) else {
                throw Diagnostic("expected one of \(choices.map { "`\($0)`" }.joined(separator: ", ")), found `\(word)`", at: token.range,
                                 hint: Suggestion.hint(for: word, in: choices))
            }
            command.slots[name] = Located(.word(word), token.range)
            cursor.advance()
        case .comparison:
            switch token.token {
            case .comparison(let op):
                command.slots[name] = Located(.word(op.rawValue), token.range)
                cursor.advance()
            case .equals:
                throw Diagnostic("expected a comparison, found `=`", at: token.range, hint: "to test equality write `==`")
            default:
                throw Diagnostic("expected a comparison (< <= == != >= >), found \(token.token.spelling)", at: token.range)
            }
        case .value, .lesson:
            command.slots[name] = try parseValue(&cursor)
        case .condition(let until):
            var words: [String] = []
            var range = token.range
            while let current = cursor.current {
                if case .word(until) = current.token { break }
                words.append(Self.conditionText(current.token))
                range = range.through(current.range)
                cursor.advance()
            }
            guard !words.isEmpty else { throw wrong }
            guard cursor.current != nil else {
                throw Diagnostic("expected `\(until)` after the condition", at: cursor.endRange, hint: "usage: \(spec.usage)")
            }
            command.slots[name] = Located(.string(words.joined(separator: " ")), range)
        case .commandName:
            guard case .word(let word) = token.token else { throw wrong }
            guard table.command(named: word) != nil else {
                throw Diagnostic("unknown command `\(word)`", at: token.range,
                                 hint: Suggestion.hint(for: word, in: table.commandNames) ?? "type `help` for the list of commands")
            }
            command.slots[name] = Located(.word(word), token.range)
            cursor.advance()
        case .assignment:
            guard case .word(let word) = token.token, !word.contains("@") else { throw wrong }
            cursor.advance()
            guard case .equals? = cursor.current?.token else {
                throw Diagnostic("expected `=` after `\(word)`", at: cursor.current?.range ?? cursor.endRange,
                                 hint: "usage: \(spec.usage)")
            }
            cursor.advance()
            command.slots[name] = Located(.word(word), token.range)
            command.slots["VALUE"] = try parseValue(&cursor)
        }
    }

    private func parseOptions(of spec: CommandSpec, into command: inout Command, cursor: inout TokenCursor) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var algorithm: String?
        // An algorithm given as `$NAME` is known only when the command runs, and its parameters are checked then.
        var algorithmIsParameter = false
        switch spec.extraOptions {
        case .algorithmParameters(let slot), .algorithmParameterGrids(let slot):
            algorithm = command.slot(slot)?.value.text
            if case .parameter? = command.slot(slot)?.value { algorithmIsParameter = true }
        case .none: break
        }
        let accepted = table.options(for: spec, algorithm: algorithm)
        while let token = cursor.current {
            guard case .word(let key) = token.token else {
                problems.append(Diagnostic("unexpected \(token.token.spelling) after the command", at: token.range,
                                           hint: "usage: \(spec.usage)"))
                break
            }
            cursor.advance()
            guard case .equals? = cursor.current?.token else {
                let isOption = accepted.contains { $0.name == key }
                problems.append(Diagnostic(isOption ? "expected `=` after option `\(key)`" : "unexpected `\(key)` after the command",
                                           at: isOption ? (cursor.current?.range ?? cursor.endRange) : token.range,
                                           hint: isOption ? "write \(key)=VALUE" : "usage: \(spec.usage)"))
                break
            }
            cursor.advance()
            let value: Located<Value>
            do {
                value = try parseValue(&cursor)
            } catch {
                problems.append(error)
                break
            }
            if command.option(key) != nil {
                problems.append(Diagnostic("option `\(key)` is given twice", at: token.range))
                continue
            }
            guard let option = accepted.first(where: { $0.name == key }) else {
                if algorithmIsParameter {
                    command.options.append(Option(key: key, keyRange: token.range, value: value.value, valueRange: value.range))
                } else {
                    problems.append(unknownOption(key, at: token.range, of: spec, algorithm: algorithm, accepted: accepted))
                }
                continue
            }
            if let problem = option.type.problem(with: value.value) {
                problems.append(Diagnostic("option `\(key)`: \(problem)", at: value.range, hint: option.help))
                continue
            }
            command.options.append(Option(key: key, keyRange: token.range, value: value.value, valueRange: value.range))
        }
        return problems
    }

    private func unknownOption(_ key: String, at range: SourceRange, of spec: CommandSpec, algorithm: String?,
                               accepted: [OptionSpec]) -> Diagnostic {
        let names = accepted.map(\.name)
        let owner = algorithm.map { "`\(spec.name)` with `\($0)`" } ?? "`\(spec.name)`"
        let hint = Suggestion.hint(for: key, in: names)
            ?? (names.isEmpty ? "`\(spec.name)` takes no options" : "valid options: " + names.joined(separator: ", "))
        return Diagnostic("unknown option `\(key)` for \(owner)", at: range, hint: hint)
    }

    /// A single value: number, string, word, boolean, `$parameter` or `[list]`.
    private func parseValue(_ cursor: inout TokenCursor) throws(Diagnostic) -> Located<Value> {
        guard let token = cursor.current else {
            throw Diagnostic("expected a value after \(cursor.previousSpelling)", at: cursor.endRange)
        }
        cursor.advance()
        switch token.token {
        case .number(let value, let text, _): return Located(.number(value, text: text), token.range)
        case .string(let text): return Located(.string(text), token.range)
        case .word("true"): return Located(.bool(true), token.range)
        case .word("false"): return Located(.bool(false), token.range)
        case .word(let word): return Located(.word(word), token.range)
        case .parameter(let name): return Located(.parameter(name), token.range)
        case .leftBracket:
            var items: [Value] = []
            var range = token.range
            if case .rightBracket? = cursor.current?.token {
                range = range.through(cursor.current!.range)
                cursor.advance()
                return Located(.list([]), range)
            }
            while true {
                let item = try parseValue(&cursor)
                if case .list = item.value { throw Diagnostic("lists cannot be nested", at: item.range) }
                items.append(item.value)
                guard let next = cursor.current else {
                    throw Diagnostic("unterminated list", at: token.range, hint: "close it with `]`")
                }
                cursor.advance()
                range = range.through(next.range)
                if case .rightBracket = next.token { return Located(.list(items), range) }
                guard case .comma = next.token else {
                    throw Diagnostic("expected `,` or `]` in the list, found \(next.token.spelling)", at: next.range)
                }
            }
        default:
            throw Diagnostic("expected a value, found \(token.token.spelling)", at: token.range)
        }
    }

    static func describe(_ kind: SlotKind, _ name: String) -> String {
        switch kind {
        case .newName: "a new name (\(name))"
        case .dataset: "a dataset name or a quoted path (\(name))"
        case .model: "a model name (\(name))"
        case .models: "one or more model names (\(name))"
        case .algorithm: "an algorithm (\(name))"
        case .path: "a quoted file path (\(name))"
        case .valuePath: "a value path such as `lr.test.accuracy` (\(name))"
        case .choice(let choices): "one of " + choices.map { "`\($0)`" }.joined(separator: ", ")
        case .comparison: "a comparison (< <= == != >= >)"
        case .value: "a value (\(name))"
        case .commandName: "a command"
        case .lesson: "a lesson's name, its number or a quoted path (\(name))"
        case .assignment: "NAME=VALUE"
        case .condition: "a condition such as `drift.share >= 0.5` (\(name))"
        }
    }

    /// A token of a condition as written.
    static func conditionText(_ token: Token) -> String {
        switch token {
        case .word(let text): text
        case .number(_, let text, _): text
        case .string(let text): "\"\(text)\""
        case .parameter(let name): "$" + name
        case .leftBracket: "["
        case .rightBracket: "]"
        case .comma: ","
        case .equals: "="
        case .comparison(let op): op.rawValue
        }
    }
}

/// What one line parses to.
public enum ParseOutcome: Sendable, Equatable {
    case empty
    case command(Command)
    case failure([Diagnostic])
}

/// A position in a token list with what a parser needs to phrase an error.
struct TokenCursor {
    let tokens: [LexedToken]
    var index = 0

    var current: LexedToken? { index < tokens.count ? tokens[index] : nil }
    var isAtEnd: Bool { index >= tokens.count }

    /// The next tokens read `word =`, the start of the options.
    var isAtOption: Bool {
        guard index + 1 < tokens.count, case .word = tokens[index].token, case .equals = tokens[index + 1].token else { return false }
        return true
    }

    mutating func advance() { index += 1 }

    var previousSpelling: String {
        index > 0 ? tokens[index - 1].token.spelling : "the start"
    }

    /// Just past the last token read: where a missing word should have been.
    var endRange: SourceRange {
        guard let last = index > 0 ? tokens[index - 1] : tokens.last else { return SourceRange(line: 1, column: 1) }
        return SourceRange(line: last.range.line, column: last.range.column + last.range.length + 1)
    }
}
