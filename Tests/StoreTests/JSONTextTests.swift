import Foundation
import Store
import Testing

@Suite("JSON text written by hand")
struct JSONTextTests {
    static let strings = ["", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "control \u{01}\u{1F}",
                          "ünïcødé 名前 €", "slash / and emoji 🙂", "5.1", "null"]

    @Test func JSONDecoderReadsBackTheListsAndRows() throws {
        let list = try JSONDecoder().decode([String].self, from: Data(JSONText.list(Self.strings).utf8))
        #expect(list == Self.strings)
        let rows: [[String?]] = [Self.strings, Self.strings.map { $0.isEmpty ? nil : $0 }, []]
        #expect(try JSONDecoder().decode([[String?]].self, from: Data(JSONText.rows(rows).utf8)) == rows)
        #expect(JSONText.rows([]) == "[]" && JSONText.list([]) == "[]")
    }
}
