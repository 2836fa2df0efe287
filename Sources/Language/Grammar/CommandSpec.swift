/// What a positional slot holds, which decides how it parses and what completes there.
public enum SlotKind: Sendable, Equatable {
    /// A new name to create (dataset or model).
    case newName
    /// A dataset name, or a quoted path loaded on the spot.
    case dataset
    /// A model name or registered reference (`churn@3`).
    case model
    /// One or more model names separated by commas.
    case models
    case algorithm
    /// A quoted file path.
    case path
    /// A dotted value path such as `lr.test.accuracy`.
    case valuePath
    /// One of a fixed set of words.
    case choice([String])
    case comparison
    /// Any single value (number, string, word, boolean).
    case value
    /// A command word (for `help`).
    case commandName
    /// A lesson: its name, its number, or a quoted path to a lesson file.
    case lesson
    /// `NAME=VALUE` (for `param`).
    case assignment
    /// Every word up to the keyword `until` (which must follow): `drift.share >= 0.5 or quality.r2 < 0.6`
    /// for `alert ... when EXPR then ...`. Held as the words' text, joined by spaces.
    case condition(until: String)
}

/// One element of a command's shape.
public enum PatternElement: Sendable, Equatable {
    case keyword(String)
    case slot(String, SlotKind)
    /// Elements that may be left out together (only at the end of a pattern).
    case optional([PatternElement])
}

/// Everything mlw knows about one command: its shape, options, help and example.
///
/// The command table drives parsing, validation, `help` and tab completion alike.
public struct CommandSpec: Sendable {
    public enum ExtraOptions: Sendable, Equatable {
        case none
        /// The parameters of the algorithm named in the given slot.
        case algorithmParameters(slot: String)
        /// The same parameters, each taking a list of values to search (`tune`).
        case algorithmParameterGrids(slot: String)
    }

    public var name: String
    public var pattern: [PatternElement]
    public var options: [OptionSpec]
    public var extraOptions: ExtraOptions
    /// At least one option must be given (`set`).
    public var requiresOption: Bool
    public var summary: String
    public var example: String
    public var group: String

    public init(_ name: String, _ pattern: [PatternElement], options: [OptionSpec] = [],
                extraOptions: ExtraOptions = .none, requiresOption: Bool = false,
                group: String, summary: String, example: String) {
        self.name = name
        self.pattern = pattern
        self.options = options
        self.extraOptions = extraOptions
        self.requiresOption = requiresOption
        self.summary = summary
        self.example = example
        self.group = group
    }

    /// `split NAME into A, B [ratio=0.8] [seed=N] [stratify=true]`
    public var usage: String {
        var parts = [name]
        parts += pattern.map(Self.usage(of:))
        parts += options.map { option in
            "[\(option.name)=\(option.defaultText ?? Self.placeholder(for: option.type))]"
        }
        switch extraOptions {
        case .algorithmParameters: parts.append("[PARAM=VALUE ...]")
        case .algorithmParameterGrids: parts.append("PARAM=[V1, V2, ...] ...")
        case .none: break
        }
        return parts.joined(separator: " ").replacingOccurrences(of: " , ", with: ", ")
    }

    private static func usage(of element: PatternElement) -> String {
        switch element {
        case .keyword(let word): word
        case .slot(let name, .models): "\(name)[, \(name) ...]"
        case .slot(let name, .assignment): "\(name)=VALUE"
        case .slot(_, .choice(let options)): options.joined(separator: "|")
        case .slot(let name, _): name
        case .optional(let elements): "[" + elements.map(usage(of:)).joined(separator: " ") + "]"
        }
    }

    private static func placeholder(for type: ValueType) -> String {
        switch type {
        case .integer: "N"
        case .real: "X"
        case .boolean: "true|false"
        case .choice(let options): options.joined(separator: "|")
        case .name: "NAME"
        case .text: "\"...\""
        default: "VALUE"
        }
    }
}

/// An algorithm as the language sees it: a name, a summary and its parameters.
public struct AlgorithmSignature: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [OptionSpec]

    public init(name: String, summary: String, parameters: [OptionSpec]) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
    }
}
