/// Comparison operators of `assert` and `alert` expressions.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case less = "<", lessOrEqual = "<=", equal = "==", notEqual = "!=", greaterOrEqual = ">=", greater = ">"

    /// Whether `a OP b`.
    public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .equal: a == b
        case .notEqual: a != b
        case .greaterOrEqual: a >= b
        case .greater: a > b
        }
    }
}

/// One lexical unit of a command line.
public enum Token: Sendable, Equatable {
    /// An identifier, possibly dotted or a model reference: `iris`, `lr.test.accuracy`, `churn@3`.
    case word(String)
    /// A number; `percent` is true for `10%`, whose value is then 0.1.
    case number(Double, text: String, percent: Bool)
    case string(String)
    /// `$NAME`: the value of a session parameter.
    case parameter(String)
    case leftBracket, rightBracket, comma, equals
    case comparison(ComparisonOperator)

    /// How the token reads in a message.
    public var spelling: String {
        switch self {
        case .word(let text): "`\(text)`"
        case .number(_, let text, _): "`\(text)`"
        case .string(let text): "\"\(text)\""
        case .parameter(let name): "`$\(name)`"
        case .leftBracket: "`[`"
        case .rightBracket: "`]`"
        case .comma: "`,`"
        case .equals: "`=`"
        case .comparison(let op): "`\(op.rawValue)`"
        }
    }
}

/// A token and where it stands.
public struct LexedToken: Sendable, Equatable {
    public var token: Token
    public var range: SourceRange
}
