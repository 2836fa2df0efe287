import Language
import Testing

/// A command word with several forms: `export NAME to PATH` and `export html|markdown PATH`.
@Suite struct CommandFormsTests {
    private func slots(_ line: String) -> [String: String]? {
        guard case .command(let command) = testParser.parse(line) else { return nil }
        return command.slots.compactMapValues { $0.value.text }
    }

    @Test func eachFormParsesToItsOwnSlots() {
        #expect(slots("export gb to \"gb.json\"") == ["NAME": "gb", "PATH": "gb.json"])
        #expect(slots("export html \"page.html\"") == ["FORMAT": "html", "PATH": "page.html"])
        #expect(slots("export markdown \"page.md\"") == ["FORMAT": "markdown", "PATH": "page.md"])
        #expect(slots("export html to \"m.json\"") == ["NAME": "html", "PATH": "m.json"], "a model named html still exports")
    }

    @Test(arguments: [
        ("export gb \"gb.json\"", ["1:11: error: expected `to` after `gb`, found \"gb.json\"", "  export gb \"gb.json\"",
                                    "            ^^^^^^^^^"]),
        ("export html page.html", ["1:13: error: expected a file path in double quotes, found `page.html`", "  export html page.html",
                                   "              ^^^^^^^^^", "  write \"page.html\""]),
    ])
    func aLineThatFitsNoFormReportsTheFurthestError(line: String, expected: [String]) {
        #expect(diagnostics(line) == expected)
    }

    @Test func aMissingWordListsEveryForm() {
        #expect(diagnostics("export").last == "  usage: export NAME to PATH, or export html|markdown PATH")
        #expect(diagnostics("export html").first == "1:13: error: expected a quoted file path (PATH) after `html`")
    }

    @Test func theCommandWordIsListedOnce() {
        #expect(testTable.commandNames.filter { $0 == "export" }.count == 1)
        #expect(testTable.forms(named: "export").count == 2)
    }
}
