@testable import Console
import Testing

@Suite("Colour only on a terminal, never with NO_COLOR")
struct TerminalStyleTests {
    @Test func colourOnATerminal() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm"]).red("x") == "\u{1B}[31mx\u{1B}[0m")
    }

    @Test func noColourWhenPiped() {
        #expect(TerminalStyle.detect(isTerminal: false, environment: ["TERM": "xterm"]).red("x") == "x")
    }

    @Test func noColourWithNoColor() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]).red("x") == "x")
    }

    @Test func noColourOnADumbTerminal() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "dumb"]).red("x") == "x")
    }
}
