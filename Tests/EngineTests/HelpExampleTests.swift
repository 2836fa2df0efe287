import Engine
import Language
import Testing

/// What `help COMMAND` shows as the example must itself be a valid line: a user copies it.
@Suite("Help examples")
struct HelpExampleTests {
    @Test(arguments: Vocabulary.table.commands.map { ($0.name, $0.example) })
    func everyExampleParses(_ command: String, _ example: String) {
        let parser = Parser(table: Vocabulary.table)
        for line in example.split(separator: "\n").map(String.init) {
            guard case .failure(let problems) = parser.parse(line) else { continue }
            Issue.record("`help \(command)` shows `\(line)`, which does not parse: \(problems.map(\.message))")
        }
    }
}
