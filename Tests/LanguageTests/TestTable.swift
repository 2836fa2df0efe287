import Language

/// A command table with two algorithms, as the learning layer would provide them.
let testTable = CommandTable.standard(algorithms: [
    AlgorithmSignature(name: "baseline", summary: "majority class or mean", parameters: []),
    AlgorithmSignature(name: "logistic", summary: "logistic regression", parameters: [
        OptionSpec("C", .real(min: 0, max: nil, openMin: true), default: "1", help: "inverse regularisation strength"),
        OptionSpec("max_iter", .integer(min: 1, max: nil), default: "1000", help: "iterations"),
    ]),
])

let testParser = Parser(table: testTable)

/// The diagnostics of a line that must fail, rendered without a file name.
func diagnostics(_ line: String) -> [String] {
    guard case .failure(let problems) = testParser.parse(line) else { return ["<parsed>"] }
    return problems.flatMap { $0.rendered(sourceLine: line) }
}
