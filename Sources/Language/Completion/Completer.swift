/// What the completer may ask of the live session and the file system.
public protocol CompletionContext {
    var datasetNames: [String] { get }
    var modelNames: [String] { get }
    var parameterNames: [String] { get }
    func columns(ofDataset name: String) -> [String]
    /// The header of a CSV file not loaded yet (for `load ... target=`).
    func columns(ofFile path: String) -> [String]
    /// Paths that extend `partial`, directories ending in `/`.
    func paths(completing partial: String) -> [String]
    /// The lessons `lesson NAME` can start.
    var lessonNames: [String] { get }
}

extension CompletionContext {
    public var lessonNames: [String] { [] }
}

/// Candidates for the word under the cursor, replacing the text from `start` (a character offset) to the cursor.
public struct Completion: Sendable, Equatable {
    public var start: Int
    public var candidates: [String]

    public init(start: Int, candidates: [String]) {
        self.start = start
        self.candidates = candidates
    }
}

/// Tab completion driven by the command table: command words, keywords, names, option keys, columns and paths.
public struct Completer: Sendable {
    public let table: CommandTable

    public init(table: CommandTable) {
        self.table = table
    }

    public func complete(_ line: String, cursor: Int, context: some CompletionContext) -> Completion {
        let prefix = String(line.prefix(cursor))
        if let quote = openQuoteOffset(in: prefix) {
            let partial = String(prefix.dropFirst(quote + 1))
            return Completion(start: quote + 1, candidates: context.paths(completing: partial))
        }
        let wordStart = prefix.lastIndex { " \t,[".contains($0) }.map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0
        let partial = String(prefix.dropFirst(wordStart))
        let tokens = Lexer.tokenizePrefix(String(prefix.prefix(wordStart))).tokens
        guard case .word(let commandWord)? = tokens.first?.token, case let forms = table.forms(named: commandWord), !forms.isEmpty else {
            return tokens.isEmpty ? Completion(start: wordStart, candidates: filter(table.commandNames, partial)) : Completion(start: wordStart, candidates: [])
        }
        // A command with several forms completes from every form the words so far fit.
        let words = Array(tokens.dropFirst())
        let fitting = forms.count == 1 ? forms : forms.filter { slotValues($0.pattern, tokens: words).fits }
        let completions = fitting.map { complete(partial, at: wordStart, spec: $0, words: words, context: context) }
        guard let first = completions.first else { return Completion(start: wordStart, candidates: []) }
        return Completion(start: first.start, candidates: Array(Set(completions.flatMap(\.candidates))).sorted())
    }

    private func complete(_ partial: String, at wordStart: Int, spec: CommandSpec, words: [LexedToken],
                          context: some CompletionContext) -> Completion {
        let slots = slotValues(spec.pattern, tokens: words)
        if let equals = partial.firstIndex(of: "=") {
            let key = String(partial[..<equals])
            let valuePartial = String(partial[partial.index(after: equals)...])
            let start = wordStart + key.count + 1
            return Completion(start: start, candidates: filter(optionValues(key, spec: spec, slots: slots.values, context: context), valuePartial))
        }
        if case .parameters = slots.next {
            return Completion(start: wordStart, candidates: filter(context.parameterNames.map { "$" + $0 }, partial))
        }
        let candidates: [String] = switch slots.next {
        case .element(.keyword(let keyword)): [keyword]
        case .element(.slot(_, let kind)): slotCandidates(kind, context: context)
        case .element(.optional(let elements)): elements.first.map { firstCandidates($0, context: context) } ?? []
        case .options, .parameters:
            table.options(for: spec, algorithm: slots.values["ALGO"])
                .map { $0.name + "=" }
                .filter { key in !slots.usedOptions.contains(String(key.dropLast())) }
        }
        return Completion(start: wordStart, candidates: filter(candidates, partial))
    }

    private func filter(_ candidates: [String], _ partial: String) -> [String] {
        candidates.filter { $0.hasPrefix(partial) }.sorted()
    }

    private func openQuoteOffset(in text: String) -> Int? {
        var open: Int?
        var escaped = false
        for (offset, char) in text.enumerated() {
            if escaped { escaped = false; continue }
            if char == "\\" { escaped = true; continue }
            if char == "#", open == nil { return nil }
            if char == "\"" { open = open == nil ? offset : nil }
        }
        return open
    }

    private func firstCandidates(_ element: PatternElement, context: some CompletionContext) -> [String] {
        switch element {
        case .keyword(let keyword): [keyword]
        case .slot(_, let kind): slotCandidates(kind, context: context)
        case .optional(let elements): elements.first.map { firstCandidates($0, context: context) } ?? []
        }
    }

    private func slotCandidates(_ kind: SlotKind, context: some CompletionContext) -> [String] {
        switch kind {
        case .dataset: context.datasetNames
        case .model, .models: context.modelNames
        case .algorithm: table.algorithmNames
        case .choice(let choices): choices
        case .commandName: table.commandNames
        case .lesson: context.lessonNames
        case .valuePath, .value: context.modelNames + context.datasetNames + context.parameterNames.map { "$" + $0 }
        case .path: ["\""]
        case .condition: ["drift.share", "drift.detected", "violations", "detector.detected"]
        case .newName, .comparison, .assignment: []
        }
    }

    private func optionValues(_ key: String, spec: CommandSpec, slots: [String: String], context: some CompletionContext) -> [String] {
        if key == "target" {
            if spec.name == "load", let path = slots["PATH"] { return context.columns(ofFile: path) }
            if let dataset = slots["NAME"] ?? slots["DATA"] { return context.columns(ofDataset: dataset) }
        }
        guard let option = table.options(for: spec, algorithm: slots["ALGO"]).first(where: { $0.name == key }) else { return [] }
        switch option.type {
        case .boolean: return ["true", "false"]
        case .choice(let choices): return choices
        default: return context.parameterNames.map { "$" + $0 }
        }
    }

    private enum Next {
        case element(PatternElement)
        case options
        case parameters
    }

    /// Walks the finished tokens through the pattern: the slot values seen, and what comes next.
    /// `fits` is false when a finished word cannot stand where it is (a keyword or a choice that differs, a path unquoted).
    private func slotValues(_ pattern: [PatternElement], tokens: [LexedToken])
        -> (values: [String: String], next: Next, usedOptions: Set<String>, fits: Bool) {
        var values: [String: String] = [:]
        var index = 0
        var elements = pattern
        var position = 0
        var fits = true
        while position < elements.count {
            let element = elements[position]
            guard index < tokens.count else { return (values, .element(element), [], fits) }
            switch element {
            case .keyword(let keyword):
                switch tokens[index].token {
                case .word(let word): fits = fits && word == keyword
                case .comma: fits = fits && keyword == ","
                case .equals: fits = fits && keyword == "="
                default: fits = false
                }
                index += 1
            case .optional(let inner):
                elements.replaceSubrange(position...position, with: inner)
                continue
            case .slot(let name, let kind):
                switch tokens[index].token {
                case .word(let text), .string(let text): values[name] = text
                default: break
                }
                switch (kind, tokens[index].token) {
                case (.choice(let choices), .word(let word)): fits = fits && choices.contains(word)
                case (.path, .string), (.path, .parameter): break
                case (.path, _): fits = false
                default: break
                }
                index += 1
                if kind == .models {
                    while index + 1 < tokens.count, case .comma = tokens[index].token { index += 2 }
                    if index < tokens.count, case .comma = tokens[index].token { return (values, .element(element), [], fits) }
                }
                if kind == .assignment { index += 2 }
                if case .condition(let until) = kind {
                    while index < tokens.count, tokens[index].token != .word(until) { index += 1 }
                    if index >= tokens.count { return (values, .element(element), [], fits) }
                }
            }
            position += 1
        }
        var used: Set<String> = []
        var cursor = index
        while cursor < tokens.count {
            if case .word(let key) = tokens[cursor].token { used.insert(key) }
            cursor += 3
        }
        return (values, .options, used, fits)
    }
}
