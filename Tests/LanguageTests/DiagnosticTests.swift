import Language
import Testing

@Suite("Diagnostics: input → exact message")
struct DiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: [String]
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        Case(input: "lod iris from \"x.csv\"", expected: [
            "1:1: error: unknown command `lod`",
            "  lod iris from \"x.csv\"",
            "  ^^^",
            "  did you mean `load`?",
        ]),
        Case(input: "split iris into a, b ratoi=0.5", expected: [
            "1:22: error: unknown option `ratoi` for `split`",
            "  split iris into a, b ratoi=0.5",
            "                       ^^^^^",
            "  did you mean `ratio`?",
        ]),
        Case(input: "train m = logistc on train", expected: [
            "1:11: error: unknown algorithm `logistc`",
            "  train m = logistc on train",
            "            ^^^^^^^",
            "  did you mean `logistic`?",
        ]),
        Case(input: "split iris into a, b ratio=abc", expected: [
            "1:28: error: option `ratio`: expected a number > 0 and < 1, got a word `abc`",
            "  split iris into a, b ratio=abc",
            "                             ^^^",
            "  share of rows in the first part (0.8 or 80%)",
        ]),
        Case(input: "train m = logistic train", expected: [
            "1:20: error: expected `on` after `logistic`, found `train`",
            "  train m = logistic train",
            "                     ^^^^^",
        ]),
        Case(input: "train m = logistic", expected: [
            "1:20: error: expected `on` after `logistic`",
            "  train m = logistic",
            "                     ^",
        ]),
        Case(input: "load iris from \"samples/iris.csv", expected: [
            "1:16: error: unterminated string",
            "  load iris from \"samples/iris.csv",
            "                 ^",
            "  close it with `\"` on the same line",
        ]),
        Case(input: "train m = logistic on t C=-1 max_iter=0 trees=5", expected: [
            "1:27: error: option `C`: must be a number > 0, got -1",
            "  train m = logistic on t C=-1 max_iter=0 trees=5",
            "                            ^^",
            "  inverse regularisation strength",
            "1:39: error: option `max_iter`: must be a whole number ≥ 1, got 0",
            "  train m = logistic on t C=-1 max_iter=0 trees=5",
            "                                        ^",
            "  iterations",
            "1:41: error: unknown option `trees` for `train` with `logistic`",
            "  train m = logistic on t C=-1 max_iter=0 trees=5",
            "                                          ^^^^^",
            "  valid options: seed, target, C, max_iter",
        ]),
        Case(input: "assert lr.test.accuracy = 0.9", expected: [
            "1:25: error: expected a comparison, found `=`",
            "  assert lr.test.accuracy = 0.9",
            "                          ^",
            "  to test equality write `==`",
        ]),
        Case(input: "load iris from samples/iris.csv", expected: [
            "1:16: error: `samples/iris.csv` looks like a file path: paths go in double quotes",
            "  load iris from samples/iris.csv",
            "                 ^^^^^^^^^^^^^^^^",
            "  write \"samples/iris.csv\"",
        ]),
        Case(input: "set", expected: [
            "1:1: error: `set` needs an option",
            "  set",
            "  ^^^",
            "  for example: set seed=7",
        ]),
        Case(input: "split iris into a, b seed=1 seed=2", expected: [
            "1:29: error: option `seed` is given twice",
            "  split iris into a, b seed=1 seed=2",
            "                              ^^^^",
        ]),
        Case(input: "help splitt", expected: [
            "1:6: error: unknown command `splitt`",
            "  help splitt",
            "       ^^^^^^",
            "  did you mean `split`?",
        ]),
    ]

    @Test(arguments: cases)
    func message(_ testCase: Case) {
        #expect(diagnostics(testCase.input) == testCase.expected)
    }
}

@Suite("Did you mean")
struct SuggestionTests {
    @Test func aWordIsNeverSuggestedToItself() {
        #expect(Suggestion.nearest(to: "flagger.deployment.strategy", in: ["flagger.deployment.strategy"]) == nil)
        #expect(Suggestion.nearest(to: "flagger.deployment.strategy", in: ["flagger.deployment.strategy", "flagger.deployment.stratgy"])
                == "flagger.deployment.stratgy")
    }
}
