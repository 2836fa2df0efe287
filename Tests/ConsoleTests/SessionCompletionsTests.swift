@testable import Console
import Engine
import Foundation
import Testing

@Suite("Completion of a file's columns")
struct SessionCompletionsTests {
    @Test func theColumnsOfACSVHeaderAndOfAJSONLinesFirstRow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlw-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("rows.csv").path
        let jsonl = directory.appendingPathComponent("rows.jsonl").path
        try "\u{FEFF}\"a\",b,label\n1,2,x\n".write(toFile: csv, atomically: true, encoding: .utf8)
        try "{\"x\": 1, \"label\": \"y\"}\n{\"x\": 2}\n".write(toFile: jsonl, atomically: true, encoding: .utf8)
        let completions = SessionCompletions(session: Session())
        #expect(completions.columns(ofFile: csv) == ["a", "b", "label"])
        #expect(completions.columns(ofFile: jsonl) == ["label", "x"])
    }
}
