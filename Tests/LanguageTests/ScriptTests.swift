import Language
import Testing

@Suite("Session files")
struct ScriptTests {
    @Test func commandsOutputsDirectivesAndFailures() {
        let text = """
        #! mlw 0.1.0
        #! seed 7
        load iris from "iris.csv" \\
          target=species
        #> loaded iris
        #>
        # a comment
        #! failed: lod x
        #> error: unknown command `lod`
        describe iris
        """
        let script = Script.parse(text, parser: testParser)
        #expect(script.diagnostics.isEmpty)
        #expect(script.directive("seed") == "7")
        let commands = script.commands
        #expect(commands.map(\.command.name) == ["load", "describe"])
        #expect(commands[0].entry.line == 3 && commands[0].entry.lastLine == 4)
        #expect(commands[0].entry.recorded.map(\.text) == ["loaded iris", ""])
        #expect(commands[0].command.option("target")?.value == .word("species"))
        #expect(script.entries.contains { $0.kind == .failed("lod x") })
    }

    @Test func everyErrorInAFileIsReported() {
        let script = Script.parse("lod a\nshow\nsplit x into a, b ratio=2\n", parser: testParser)
        #expect(script.diagnostics.map { $0.range?.line } == [1, 2, 3])
    }
}

@Suite("Completion")
struct CompletionTests {
    struct Context: CompletionContext {
        var datasetNames = ["iris", "train", "test"]
        var modelNames = ["lr"]
        var parameterNames = ["ratio"]
        func columns(ofDataset name: String) -> [String] { ["sepal", "species"] }
        func columns(ofFile path: String) -> [String] { path == "iris.csv" ? ["sepal", "species"] : [] }
        func paths(completing partial: String) -> [String] { ["samples/", "sessions/"].filter { $0.hasPrefix(partial) } }
    }

    let completer = Completer(table: testTable)

    func complete(_ line: String) -> [String] {
        completer.complete(line, cursor: line.count, context: Context()).candidates
    }

    @Test func commandWords() { #expect(complete("de") == ["deploy", "describe"]) }
    @Test func datasetNames() { #expect(complete("describe t") == ["test", "train"]) }
    @Test func keywords() { #expect(complete("train m = logistic o") == ["on"]) }
    @Test func algorithms() { #expect(complete("train m = lo") == ["logistic"]) }
    @Test func optionKeys() { #expect(complete("split iris into a, b ra") == ["ratio="]) }
    @Test func algorithmParameters() { #expect(complete("train m = logistic on train ma") == ["max_iter="]) }
    @Test func targetColumnsOfAFile() { #expect(complete("load iris from \"iris.csv\" target=sp") == ["species"]) }
    @Test func pathsInsideQuotes() { #expect(complete("load iris from \"sa") == ["samples/"]) }
    @Test func modelsAfterComma() { #expect(complete("evaluate lr, l") == ["lr"]) }
    @Test func everyFormOfACommand() {
        #expect(complete("export ") == ["html", "lr", "markdown"])
        #expect(complete("export lr ") == ["to"])
        #expect(complete("export html ") == ["\"", "to"])
        #expect(complete("expo") == ["export"], "the word once, though it has two forms")
    }
}
