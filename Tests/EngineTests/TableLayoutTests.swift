import Engine
import Testing

@Suite struct TableLayoutTests {
    /// A value holding a line break (a quoted CSV field) stays on its row, escaped, and aligns.
    @Test func lineBreaksAndTabsInACellAreEscaped() {
        let table = Table(columns: [.init("a"), .init("b", .right)], rows: [["x\ny", "1"], ["z\tw\r\n", "22"]])
        #expect(TableLayout.lines(table) == ["a          b", "────────  ──", "x\\ny       1", "z\\tw\\r\\n  22"])
    }
}
