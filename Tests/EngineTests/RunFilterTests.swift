@testable import Engine
import Foundation
import Language
import Store
import Testing

/// `runs where="..."`: the filter's grammar, its errors (placed inside the quoted filter), and the
/// predicates it makes run against a real store.
@Suite struct RunFilterTests {
    // MARK: - Helpers

    static func compare(_ field: String, _ op: ComparisonOp, _ number: Double) -> RunPredicate {
        .compare(field: field, op: op, value: .number(number))
    }

    static func compare(_ field: String, _ op: ComparisonOp, _ text: String) -> RunPredicate {
        .compare(field: field, op: op, value: .text(text))
    }

    /// The filter as the language's lexer reads it from `runs where="TEXT"` (with `"` and `\` escaped):
    /// its unescaped text and the range of the quoted token, so columns are those a user sees.
    static func lexed(_ text: String) throws -> (text: String, range: SourceRange) {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let tokens = try Lexer.tokenize("runs where=\"\(escaped)\"")
        guard let last = tokens.last, case .string(let value) = last.token else {
            throw Diagnostic("the test line did not end in a string")
        }
        return (value, last.range)
    }

    // MARK: - Good filters

    struct Good: Sendable, CustomTestStringConvertible {
        let text: String
        let predicate: RunPredicate
        /// The runs of `logRuns` that match, by name.
        let matches: Set<String>
        var testDescription: String { text.isEmpty ? "(empty)" : text }
        init(_ text: String, _ predicate: RunPredicate, _ matches: Set<String>) {
            self.text = text
            self.predicate = predicate
            self.matches = matches
        }
    }

    static let good: [Good] = [
        Good("f1 > 0.8", compare("f1", .greaterThan, 0.8), ["f100", "knn", "tree"]),
        Good("f1>=0.85", compare("f1", .greaterOrEqual, 0.85), ["f100", "knn"]),
        Good("f1 < 0.75", compare("f1", .lessThan, 0.75), ["lr"]),
        Good("f1 <= 0.75", compare("f1", .lessOrEqual, 0.75), ["lr", "f10"]),
        Good("f1 = 0.75", compare("f1", .equal, 0.75), ["f10"]),
        Good("f1 == 75%", compare("f1", .equal, 0.75), ["f10"]),
        // A run without the field never matches, not even `!=`: `lin` has no f1.
        Good("f1 != 0.75", compare("f1", .notEqual, 0.75), ["f100", "knn", "lr", "tree"]),
        Good("trees >= 100", compare("trees", .greaterOrEqual, 100), ["f100"]),
        Good("alpha < 1e-2", compare("alpha", .lessThan, 1e-2), ["lin"]),
        Good("alpha > -2", compare("alpha", .greaterThan, -2), ["lin"]),
        Good("C == .5", compare("C", .equal, 0.5), ["lr"]),
        Good("max_iter == +1e3", compare("max_iter", .equal, 1000), ["lr"]),
        Good("val.f1-macro > 0.5", compare("val.f1-macro", .greaterThan, 0.5), ["knn"]),
        Good("  f1>0.9  ", compare("f1", .greaterThan, 0.9), ["f100"]),
        Good("seed == 42", compare("seed", .equal, 42), ["f100"]),
        // Text: a word, or quoted in either quote.
        Good("features == sqrt", compare("features", .equal, "sqrt"), ["f100"]),
        Good("weights == 'distance'", compare("weights", .equal, "distance"), ["knn"]),
        Good(#"criterion == "gini""#, compare("criterion", .equal, "gini"), ["tree"]),
        Good("features != 'log 2'", compare("features", .notEqual, "log 2"), ["f100", "f10"]),
        Good("algorithm == forest and f1 < 0.8",
             .and(compare("algorithm", .equal, "forest"), compare("f1", .lessThan, 0.8)), ["f10"]),
        Good("kind = cv", compare("kind", .equal, "cv"), ["lin"]),
        // and, AND, &&; or, OR, ||.
        Good("f1 > 0.8 and trees >= 100",
             .and(compare("f1", .greaterThan, 0.8), compare("trees", .greaterOrEqual, 100)), ["f100"]),
        Good("f1 > 0.8 AND trees >= 100",
             .and(compare("f1", .greaterThan, 0.8), compare("trees", .greaterOrEqual, 100)), ["f100"]),
        Good("f1>0.8&&trees>=100",
             .and(compare("f1", .greaterThan, 0.8), compare("trees", .greaterOrEqual, 100)), ["f100"]),
        Good("f1 < 0.7 or r2 > 0.5", .or(compare("f1", .lessThan, 0.7), compare("r2", .greaterThan, 0.5)), ["lr", "lin"]),
        Good("f1 < 0.7 OR r2 > 0.5", .or(compare("f1", .lessThan, 0.7), compare("r2", .greaterThan, 0.5)), ["lr", "lin"]),
        Good("f1 < 0.7 || r2 > 0.5", .or(compare("f1", .lessThan, 0.7), compare("r2", .greaterThan, 0.5)), ["lr", "lin"]),
        // and binds tighter than or, on either side; both group from the left.
        Good("trees == 10 or k == 5 and f1 > 0.9",
             .or(compare("trees", .equal, 10), .and(compare("k", .equal, 5), compare("f1", .greaterThan, 0.9))),
             ["f10"]),
        Good("k == 5 and f1 > 0.9 or trees == 10",
             .or(.and(compare("k", .equal, 5), compare("f1", .greaterThan, 0.9)), compare("trees", .equal, 10)),
             ["f10"]),
        Good("k == 5 or C == 0.5 or alpha < 0.01",
             .or(.or(compare("k", .equal, 5), compare("C", .equal, 0.5)), compare("alpha", .lessThan, 0.01)),
             ["knn", "lr", "lin"]),
        Good("f1 > 0.5 and f1 < 0.9 and accuracy > 0.8",
             .and(.and(compare("f1", .greaterThan, 0.5), compare("f1", .lessThan, 0.9)),
                  compare("accuracy", .greaterThan, 0.8)),
             ["knn", "tree"]),
        // Parentheses override it.
        Good("(trees == 10 or k == 5) and f1 > 0.9",
             .and(.or(compare("trees", .equal, 10), compare("k", .equal, 5)), compare("f1", .greaterThan, 0.9)),
             []),
        Good("(trees == 10 or k == 5) and f1 > 0.8",
             .and(.or(compare("trees", .equal, 10), compare("k", .equal, 5)), compare("f1", .greaterThan, 0.8)),
             ["knn"]),
        Good("f1 > 0.8 and (trees >= 100 or depth == 5)",
             .and(compare("f1", .greaterThan, 0.8),
                  .or(compare("trees", .greaterOrEqual, 100), compare("depth", .equal, 5))),
             ["f100", "tree"]),
        Good("((f1 > 0.9))", compare("f1", .greaterThan, 0.9), ["f100"]),
    ]

    @Test(arguments: good)
    func goodFilterParses(_ testCase: Good) throws {
        #expect(try RunFilter.parse(testCase.text, at: nil) == testCase.predicate)
        let (text, range) = try Self.lexed(testCase.text)
        #expect(try RunFilter.parse(text, at: range) == testCase.predicate)
    }

    /// Six runs with params and metrics; returns their ids by name.
    static func logRuns(_ store: Store) throws -> [String: Int64] {
        func log(_ algorithm: String, _ parameters: [String: String], _ metrics: [String: Double],
                 kind: RunKind = .train, seed: UInt64? = nil) throws -> Int64 {
            try store.logRun(NewRun(kind: kind, algorithm: algorithm, parameters: parameters, seed: seed,
                                    metrics: metrics, mlwVersion: "test"))
        }
        return [
            "f100": try log("forest", ["trees": "100", "features": "sqrt", "depth": "0"],
                            ["f1": 0.91, "accuracy": 0.93], seed: 42),
            "f10": try log("forest", ["trees": "10", "features": "log2"], ["f1": 0.75, "accuracy": 0.8], seed: 7),
            "knn": try log("knn", ["k": "5", "weights": "distance"],
                           ["f1": 0.85, "accuracy": 0.86, "val.f1-macro": 0.66]),
            "lr": try log("logistic", ["C": "0.5", "max_iter": "1000"], ["f1": 0.6, "accuracy": 0.7]),
            "tree": try log("tree", ["depth": "5", "criterion": "gini"], ["f1": 0.82, "accuracy": 0.84]),
            "lin": try log("linear", ["alpha": "0.001"], ["r2": 0.7, "rmse": 1.5], kind: .cv),
        ]
    }

    @Test func goodFiltersSelectTheRightRunsFromAStore() throws {
        let store = try Store.temporary()
        let ids = try Self.logRuns(store)
        let names = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        for testCase in Self.good {
            let predicate = try RunFilter.parse(testCase.text, at: nil)
            let runs = try store.runs(RunQuery(predicate: predicate))
            #expect(Set(runs.compactMap { names[$0.id] }) == testCase.matches, "\(testCase.text)")
            #expect(runs.map(\.id) == runs.map(\.id).sorted(by: >), "newest first: \(testCase.text)")
        }
        // With the listing's other parts: `runs forest by=f1 limit=1 where="f1 > 0.5"`.
        let best = try store.runs(RunQuery(algorithm: "forest", predicate: RunFilter.parse("f1 > 0.5", at: nil),
                                           order: .metric("f1", descending: true), limit: 1))
        #expect(best.map(\.id) == [ids["f100"]!])
    }

    // MARK: - Bad filters

    struct Bad: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        /// Where the caret goes on the line `runs where="TEXT"`, whose opening quote is column 12.
        let column: Int
        let length: Int
        var testDescription: String { text.isEmpty ? "(empty)" : text }
        init(_ text: String, _ message: String, column: Int, length: Int = 1) {
            self.text = text
            self.message = message
            self.column = column
            self.length = length
        }
    }

    static let bad: [Bad] = [
        // The whole quoted token.
        Bad("", "empty filter", column: 12, length: 2),
        Bad("   ", "empty filter", column: 12, length: 5),
        // Column 13 is the filter's first character.
        Bad("trees", "expected a comparison such as `f1 > 0.8` after `trees`", column: 13, length: 5),
        Bad("trees 100", "expected a comparison such as `f1 > 0.8` after `trees`", column: 19, length: 3),
        Bad("f1 >=", "expected a value after `>=`", column: 16, length: 2),
        Bad("f1 >= and trees > 1", "expected a value after `>=`, found `and`", column: 19, length: 3),
        Bad("f1 > (", "expected a value after `>`, found `(`", column: 18),
        Bad("(f1 > 0.8", "unclosed `(`", column: 13),
        Bad("f1 > 0.8 and (trees > 1 or depth > 2", "unclosed `(`", column: 26),
        Bad("f1 > 0.8)", "unexpected `)`: no `(` before it to close", column: 21),
        Bad("f1 > 0.8 trees > 1", "expected `and` or `or` after `0.8`, found `trees`", column: 22, length: 5),
        Bad("(f1 > 0.8 trees > 1)", "expected `and`, `or` or `)` after `0.8`, found `trees`", column: 23, length: 5),
        Bad("f1 > 0.8 And trees > 1", "expected `and` or `or` after `0.8`, found `And`", column: 22, length: 3),
        Bad("f1 > 0.8 and", "expected a comparison such as `f1 > 0.8` after `and`", column: 22, length: 3),
        Bad("f1 > 0.8 or (", "expected a comparison such as `f1 > 0.8` after `(`", column: 25),
        Bad("> 0.8", "expected a param or metric name, found `>`", column: 13),
        Bad("()", "expected a param or metric name, found `)`", column: 14),
        Bad("0.8 < f1", "expected a param or metric name, found `0.8`", column: 13, length: 3),
        Bad("f1 => 0.8", "`=>` is not a comparison", column: 16, length: 2),
        Bad("f1 === 0.8", "`===` is not a comparison", column: 16, length: 3),
        Bad("f1 > 0.8 & trees > 1", "`&` alone is not an operator", column: 22),
        Bad("f1 > 0.8 | trees > 1", "`|` alone is not an operator", column: 22),
        Bad("f1 > 0.8x", "`0.8x` is not a number", column: 18, length: 4),
        Bad("f1 > 1e", "`1e` is not a number", column: 18, length: 2),
        Bad("f1 > 80%%", "`80%%` is not a number", column: 18, length: 4),
        Bad("features == 'sqrt", "unclosed quote `'`", column: 25),
        Bad("f1 > 0.8 ; trees > 1", "unexpected `;` in the filter", column: 22),
        // `"` is written `\"` inside the command's string: the caret still lands under `trees`.
        Bad(#"criterion == "gini" trees > 1"#, "expected `and` or `or` after `gini`, found `trees`", column: 35, length: 5),
    ]

    @Test(arguments: bad)
    func badFilterSaysWhatWasExpectedWhere(_ testCase: Bad) throws {
        let (text, range) = try Self.lexed(testCase.text)
        #expect(range.column == 12)
        do {
            let predicate = try RunFilter.parse(text, at: range)
            Issue.record("parsed as \(predicate)")
        } catch {
            #expect(error.message == testCase.message)
            #expect(error.range == SourceRange(line: 1, column: testCase.column, length: testCase.length))
            #expect(error.hint?.isEmpty == false)
        }
    }

    @Test func errorsWithoutARangeHaveNone() {
        #expect(throws: Diagnostic("unclosed `(`", hint: "close it with `)`, for example: \(RunFilter.example)")) {
            try RunFilter.parse("(f1 > 0.8", at: nil)
        }
    }

    /// `runs where=$filter`: the range is `$filter`'s, not the text's, so errors point at all of it.
    @Test func errorsPointAtTheWholeRangeWhenItIsNotTheQuotedText() {
        let range = SourceRange(line: 3, column: 12, length: 7)
        #expect(throws: Diagnostic("expected `and` or `or` after `0.8`, found `trees`", at: range,
                                   hint: #"join comparisons with and / or, for example: where="f1 > 0.8 and trees >= 100""#)) {
            try RunFilter.parse("f1 > 0.8 trees > 1", at: range)
        }
    }

    @Test func hintsShowAnExample() throws {
        func hint(_ text: String) -> String? {
            do {
                _ = try RunFilter.parse(text, at: nil)
                return nil
            } catch {
                return error.hint
            }
        }
        #expect(hint("") == #"compare metrics and params, for example: where="f1 > 0.8 and trees >= 100""#)
        #expect(hint("trees") == #"compare with < <= == != >= >, for example: where="trees >= 100""#)
        #expect(hint("f1 >=") == #"a value is a number (0.8, 1e-3, -2, 80%), a word or quoted text, for example: where="f1 >= 0.8""#)
        #expect(hint("f1 => 1") == "did you mean `>=`?")
        #expect(hint("f1 <> 1") == "did you mean `!=`?")
        #expect(hint("f1 > 0.8 And k > 1") == "write `and` or `AND`")
        #expect(hint("f1 >= and") == "quote it to compare with the word: 'and'")
    }
}
