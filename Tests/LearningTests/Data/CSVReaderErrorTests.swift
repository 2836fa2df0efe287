import Testing
@testable import Learning

/// Every CSV error: input bytes and the exact text the user sees.
@Suite struct CSVReaderErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        var target: String? = nil
        let expected: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, target: String? = nil, _ expected: String) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.target = target
            self.expected = expected
        }

        init(_ name: String, bytes: [UInt8], _ expected: String) {
            self.name = name
            self.bytes = bytes
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("empty file", "", "t.csv: the file is empty; expected a header row and at least one data row"),
        Case("only blank lines", "\n\r\n\n", "t.csv: the file is empty; expected a header row and at least one data row"),
        Case("header only", "a,b\n", "t.csv:2: the file has a header but no data rows"),
        Case("header only, no line end", "a,b", "t.csv:1: the file has a header but no data rows"),
        Case("header then blank lines", "a,b\r\n\r\n\n", "t.csv:2: the file has a header but no data rows"),
        Case("duplicate column", "a,b,a\n1,2,3\n", "t.csv:1:5: duplicate column name `a` (columns 1 and 3); expected unique names"),
        Case("duplicate quoted column", "x,\"y\",y\n1,2,3\n", "t.csv:1:7: duplicate column name `y` (columns 2 and 3); expected unique names"),
        Case("duplicate after a byte-order mark", "\u{FEFF}a,a\r\n1,2\r\n", "t.csv:1:3: duplicate column name `a` (columns 1 and 2); expected unique names"),
        Case("too few fields", "a,b,c\n1,2,3\n4,5\n", "t.csv:3: expected 3 fields, found 2"),
        Case("too few fields with CRLF", "a,b,c\r\n1,2,3\r\n4,5\r\n", "t.csv:3: expected 3 fields, found 2"),
        Case("too many fields", "a,b\n1,2\n3,4,5,6\n", "t.csv:3: expected 2 fields, found 4"),
        Case("too few fields after a multi-line field", "a,b\n\"x\ny\",1\nz\n", "t.csv:4: expected 2 fields, found 1"),
        Case("fields missing in the last line without line end", "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4", "t.csv:3: expected 5 fields, found 4"),
        Case("unterminated quote", "a,b\n1,\"abc\n2,3\n", "t.csv:2:3: unterminated quoted field: no closing `\"` before the end of the file"),
        Case("unterminated quote in header", "\"a,b\n1,2\n", "t.csv:1:1: unterminated quoted field: no closing `\"` before the end of the file"),
        Case("unterminated after escaped quote", "a\n\"x\"\"\n", "t.csv:2:1: unterminated quoted field: no closing `\"` before the end of the file"),
        Case("text after closing quote", "a,b\n\"x\"y,2\n", "t.csv:2:4: expected `,` or end of line after a closing `\"`, found `y`"),
        Case("invalid UTF-8 byte", bytes: Array("a,b\nx,".utf8) + [0xFF] + Array("y\n".utf8), "t.csv:2:3: invalid UTF-8 (byte 0xFF); expected UTF-8 text"),
        Case("truncated UTF-8 after a multi-byte character", bytes: Array("a,b\né,".utf8) + [0xC3, 0x28] + Array("\n".utf8), "t.csv:2:3: invalid UTF-8 (byte 0xC3); expected UTF-8 text"),
        Case("invalid UTF-8 in a numeric column", bytes: Array("a\n1\n".utf8) + [0x80] + Array("\n".utf8), "t.csv:3:1: invalid UTF-8 (byte 0x80); expected UTF-8 text"),
        Case("invalid UTF-8 in the header", bytes: Array("a,".utf8) + [0xED, 0xA0, 0x80] + Array("\n1,2\n".utf8), "t.csv:1:3: invalid UTF-8 (byte 0xED); expected UTF-8 text"),
        Case("infinite number", "a,b\n1,x\ninf,y\n", "t.csv:3:1: `inf` in numeric column `a` is not a finite number; expected a finite number, or an empty field or NA for a missing value"),
        Case("number too large for a double", "a,b\n1,\"2\"\n3,-1e400\n", "t.csv:3:3: `-1e400` in numeric column `b` is not a finite number; expected a finite number, or an empty field or NA for a missing value"),
        Case("unknown target", "sepal,species\n1,a\n", target: "specis", "t.csv: no column named `specis` (did you mean `species`?); expected one of: sepal, species"),
        Case("unknown target, nothing close", "a,b\n1,2\n", target: "label", "t.csv: no column named `label`; expected one of: a, b"),
        Case("unknown one-letter target, no letter in common", "a,b\n1,2\n", target: "y", "t.csv: no column named `y`; expected one of: a, b"),
    ]

    @Test(arguments: cases)
    func reportsError(_ testCase: Case) {
        do {
            let table = try CSVReader.read(data: testCase.bytes, name: "t.csv", target: testCase.target)
            Issue.record("expected an error, read \(table.frame.rowCount) rows")
        } catch {
            #expect(error.description == testCase.expected)
        }
    }

    @Test func missingFile() {
        #expect(throws: LearningError("cannot read the file: No such file or directory", file: "/nonexistent/x.csv")) {
            _ = try CSVReader.read(path: "/nonexistent/x.csv")
        }
    }

    @Test func directoryIsNotAFile() throws {
        let folder = try DataFixtures.temporaryFile(named: "x.csv", [])
        let parent = String(folder.dropLast("/x.csv".count))
        #expect(throws: LearningError("cannot read the file: Is a directory", file: parent)) {
            _ = try CSVReader.read(path: parent)
        }
    }

    @Test func emptyFileOnDisk() throws {
        let path = try DataFixtures.temporaryFile(named: "empty.csv", [])
        #expect(throws: LearningError.emptyFile(path)) {
            _ = try CSVReader.read(path: path)
        }
    }

    /// Files above the chunk size are parsed in parallel: the first error must still be
    /// the one reported, with its line counted over the whole file.
    @Test(arguments: [false, true])
    func firstErrorInLargeFile(quoted: Bool) {
        var text = "id,name,value\n"
        for row in 0..<200_000 {
            text += quoted ? "\(row),\"n,\(row % 7)\",\(Double(row) / 4)\n" : "\(row),n\(row % 7),\(Double(row) / 4)\n"
        }
        text += "1,2\n"
        text += "1,2,3,4\n"
        do {
            _ = try DataFixtures.read(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "t.csv:200002: expected 3 fields, found 2")
        }
    }
}

@Suite struct LearningErrorTests {
    @Test(arguments: [
        (LearningError("m"), "m"),
        (LearningError("m", file: "f.csv"), "f.csv: m"),
        (LearningError("m", file: "f.csv", line: 3), "f.csv:3: m"),
        (LearningError("m", file: "f.csv", line: 3, column: 9), "f.csv:3:9: m"),
        (LearningError("m", line: 3, column: 9), "3:9: m"),
    ])
    func descriptionUsesThePartsThatExist(error: LearningError, text: String) {
        #expect(error.description == text)
    }
}
