import Language
import Testing

@Suite("Lexer")
struct LexerTests {
    func tokens(_ text: String) throws -> [Token] {
        try Lexer.tokenize(text).map(\.token)
    }

    @Test func numbers() throws {
        #expect(try tokens("42 0.8 1e-3 10% -1 .5") == [
            .number(42, text: "42", percent: false), .number(0.8, text: "0.8", percent: false),
            .number(0.001, text: "1e-3", percent: false), .number(0.1, text: "10%", percent: true),
            .number(-1, text: "-1", percent: false), .number(0.5, text: ".5", percent: false),
        ])
    }

    @Test func stringsWithEscapes() throws {
        #expect(try tokens(#""a \"quoted\" \\ path""#) == [.string(#"a "quoted" \ path"#)])
    }

    @Test func wordsReferencesAndPaths() throws {
        #expect(try tokens("lr.test.accuracy churn@3 churn@production.test.f1 train-set") == [
            .word("lr.test.accuracy"), .word("churn@3"), .word("churn@production.test.f1"), .word("train-set"),
        ])
    }

    @Test func listsOptionsParametersAndComparisons() throws {
        #expect(try tokens("k=[1, 3] x=$ratio >= != # comment") == [
            .word("k"), .equals, .leftBracket, .number(1, text: "1", percent: false), .comma,
            .number(3, text: "3", percent: false), .rightBracket, .word("x"), .equals, .parameter("ratio"),
            .comparison(.greaterOrEqual), .comparison(.notEqual),
        ])
    }

    @Test func continuationLinesKeepPositions() throws {
        let lexed = try Lexer.tokenize("split iris \\\n  into a, b", firstLine: 3)
        #expect(lexed.map(\.token) == [.word("split"), .word("iris"), .word("into"), .word("a"), .comma, .word("b")])
        #expect(lexed[2].range == SourceRange(line: 4, column: 3, length: 4))
    }
}
