@testable import Learning
import Testing

@Suite struct CSVWriterTests {
    @Test func whatIsWrittenReadsBackAsTheSameFrame() throws {
        let text = "name,score,note\n\"Smith, Ann\",0.1,\"said \"\"hi\"\"\"\nBo,,plain\n\" padded \",1e-07,\"two\nlines\"\n"
        let frame = try DataFixtures.read(text)
        let written = CSVWriter.text(frame)
        let again = try DataFixtures.read(written)
        for (a, b) in zip(again.columns, frame.columns) {
            #expect(a.name == b.name && a.kind == b.kind && (0..<3).map(a.text(at:)) == (0..<3).map(b.text(at:)))
        }
        #expect(written.hasPrefix("name,score,note\n\"Smith, Ann\",0.1,\"said \"\"hi\"\"\"\nBo,,plain\n"), "\(written)")
    }

    @Test func numbersKeepEveryDigit() throws {
        let values = [0.1 + 0.2, 1.0 / 3.0, 6.683897501081568e-07, 12345678.9, -0.0]
        let frame = DataFrame(columns: [.numeric("x", values)])
        let again = try DataFixtures.read(CSVWriter.text(frame))
        #expect(DataFixtures.numbers(again.column(named: "x")) == values)
    }
}
