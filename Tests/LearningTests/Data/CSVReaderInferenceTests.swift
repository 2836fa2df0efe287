import Testing
@testable import Learning

/// How fields become columns: quoting, line ends, missing values and kinds.
@Suite struct CSVReaderInferenceTests {
    @Test func byteOrderMarkAndCRLF() throws {
        let frame = try DataFixtures.read("\u{FEFF}a,b\r\n1,x\r\n2.5,y\r\n")
        #expect(frame.columnNames == ["a", "b"])
        #expect(DataFixtures.numbers(frame.column(named: "a")) == [1, 2.5])
        #expect(DataFixtures.labels(frame.column(named: "b")) == ["x", "y"])
    }

    @Test func quotedFieldsHoldSeparatorsNewlinesAndQuotes() throws {
        let frame = try DataFixtures.read("name,note,n\n\"Smith, J\",\"line1\nline2\",\"1.5\"\n\"O\"\"Brien\",plain,2\r\n")
        #expect(DataFixtures.labels(frame.column(named: "name")) == ["Smith, J", "O\"Brien"])
        #expect(DataFixtures.labels(frame.column(named: "note")) == ["line1\nline2", "plain"])
        #expect(DataFixtures.numbers(frame.column(named: "n")) == [1.5, 2])
        #expect(frame.column(named: "n")?.kind == .numeric)
    }

    @Test func missingValueSpellings() throws {
        let frame = try DataFixtures.read("x,y\n1,a\nNA,?\n,b\n?,NA\nnull,N/A\nNaN,\"\"\n3,NaN\n")
        let x = DataFixtures.numbers(frame.column(named: "x"))
        #expect(x.count == 7)
        #expect(x[0] == 1 && x[6] == 3)
        #expect(x[1...5].allSatisfy { $0.isNaN })
        #expect(DataFixtures.labels(frame.column(named: "y")) == ["a", nil, "b", nil, nil, nil, nil])
        #expect(frame.column(named: "y")?.missingCount == 5)
        #expect(CSVReader.missingValueSpellings == ["", "NA", "N/A", "?", "NaN", "null"])
    }

    @Test func numberSyntax() throws {
        let frame = try DataFixtures.read("v\n1e3\n-0.5\n.5\n5.\n+2\n 7 \n12345678901234567890\n0.1000000000000000055511151231257827\n")
        #expect(DataFixtures.numbers(frame.column(named: "v")) == [1000, -0.5, 0.5, 5, 2, 7, 12345678901234567890, 0.1])
    }

    /// `inf` is refused in a numeric column (see CSVReaderErrorTests), but a column that turns out to
    /// hold text keeps it as text, wherever the text comes.
    @Test func infinityInATextColumnIsText() throws {
        let frame = try DataFixtures.read("v,w\ninf,1\n2,2\nabc,3\n")
        #expect(DataFixtures.labels(frame.column(named: "v")) == ["inf", "2", "abc"])
    }

    @Test func aJSONArrayFileIsRefusedAsSuch() {
        #expect(throws: LearningError("the file holds a JSON array; expected CSV, TSV or JSON Lines (one flat JSON object "
                                      + "per line, in a .jsonl file)", file: "t.json")) {
            try TableReader.read(data: Array(" [{\"a\": 1}]\n".utf8), name: "t.json")
        }
    }

    @Test(arguments: [
        ("flag\nyes\nno\nyes\n", ["no", "yes"], [Int32(1), 0, 1]),
        ("flag\nTrue\nFalse\n\n", ["False", "True"], [1, 0]),
        ("flag\nY\nY\nNA\n", ["N", "Y"], [1, 1, -1]),
        ("flag\nf\nt\n", ["f", "t"], [0, 1]),
        ("flag\nNO\n", ["NO", "YES"], [0]),
    ])
    func booleanColumns(text: String, levels: [String], codes: [Int32]) throws {
        let column = try DataFixtures.read(text).column(named: "flag")
        #expect(column?.kind == .boolean)
        #expect(column?.storage == .categorical(codes: codes, levels: levels))
    }

    @Test(arguments: ["v\nyes\nYes\n", "v\nt\nf\nx\n", "v\ntrue\nno\n", "v\nmaybe\n"])
    func notBoolean(text: String) throws {
        #expect(try DataFixtures.read(text).column(named: "v")?.kind == .categorical)
    }

    @Test func zeroOneStaysNumeric() throws {
        let column = try DataFixtures.read("v\n0\n1\n1\n").column(named: "v")
        #expect(column == .numeric("v", [0, 1, 1]))
    }

    @Test func levelsAreSortedNotFirstSeen() throws {
        let column = try DataFixtures.read("v\nc\nb\na\nb\n").column(named: "v")
        #expect(column?.storage == .categorical(codes: [2, 1, 0, 1], levels: ["a", "b", "c"]))
    }

    @Test func textAfterNumbersMakesTheColumnCategorical() throws {
        let column = try DataFixtures.read("v,w\n10,1\n9,2\nabc,3\n").column(named: "v")
        #expect(column?.storage == .categorical(codes: [0, 1, 2], levels: ["10", "9", "abc"]))
    }

    @Test func allMissingColumnIsNumeric() throws {
        let column = try DataFixtures.read("a,b\n1,\n2,NA\n").column(named: "b")
        #expect(column?.kind == .numeric)
        #expect(column?.missingCount == 2)
    }

    @Test func blankLinesAndMissingFinalLineEnd() throws {
        let frame = try DataFixtures.read("\na,b\n\n1,2\n\r\n3,4")
        #expect(frame.rowCount == 2)
        #expect(DataFixtures.numbers(frame.column(named: "b")) == [2, 4])
    }

    @Test func emptyHeaderNamesAreNumbered() throws {
        #expect(try DataFixtures.read(",x,\n1,2,3\n").columnNames == ["column_1", "x", "column_3"])
    }

    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n", ["a", "b", "c"]),
        ("a\tb\n1\t2\n", ["a", "b"]),
        ("a,b;c\n1,2;3\n", ["a", "b;c"]),
        ("\"a;b\",c\n1,2\n", ["a;b", "c"]),
        ("single\n1\n", ["single"]),
    ])
    func separatorIsSniffedFromHeader(text: String, names: [String]) throws {
        #expect(try DataFixtures.read(text).columnNames == names)
    }

    @Test func tsvPathMeansTab() throws {
        let path = try DataFixtures.temporaryFile(named: "data.tsv", Array("a,b\tc\n1,5\tx\n".utf8))
        let frame = try CSVReader.read(path: path).frame
        #expect(frame.columnNames == ["a,b", "c"])
        #expect(DataFixtures.labels(frame.column(named: "a,b")) == ["1,5"])
    }

    @Test func explicitSeparatorWins() throws {
        let frame = try DataFixtures.read("a|b\n1|2\n", separator: UInt8(ascii: "|"))
        #expect(frame.columnNames == ["a", "b"])
    }

    @Test func targetIsRecorded() throws {
        let frame = try DataFixtures.read("a,b\n1,2\n", target: "b")
        #expect(frame.target == "b")
        #expect(try DataFixtures.read("a,b\n1,2\n").target == nil)
    }

    @Test func digestAndSizeOfTheBytes() throws {
        let table = try CSVReader.read(data: Array("a\n1\n".utf8), name: "t.csv")
        #expect(table.byteCount == 4)
        // printf 'a\n1\n' | sha256sum
        #expect(table.sha256 == "309b0e45a73d3fc5325e2b6ed0a01ef8b9cde6b05a5633c1f893f970d52bfddc")
    }

    /// A file large enough to be cut into chunks parses exactly like the values written.
    @Test(arguments: [false, true])
    func largeFileAcrossChunks(quoted: Bool) throws {
        var text = "id,label,value,flag,inches\n"
        for row in 0..<150_000 {
            let label = quoted ? "\"l\n\(row % 5)\"" : "l\(row % 5)"
            let inches = quoted ? "\(row % 4)\"" : "\(row % 4)in"
            text += "\(row),\(label),\(row % 11 == 0 ? "NA" : String(Double(row) * 0.125)),\(row % 3 == 0 ? "yes" : "no"),\(inches)\n"
        }
        let frame = try DataFixtures.read(text)
        #expect(frame.rowCount == 150_000)
        #expect(DataFixtures.numbers(frame.column(named: "id")) == (0..<150_000).map(Double.init))
        let values = DataFixtures.numbers(frame.column(named: "value"))
        #expect((0..<150_000).allSatisfy { $0 % 11 == 0 ? values[$0].isNaN : values[$0] == Double($0) * 0.125 })
        let labels = DataFixtures.labels(frame.column(named: "label"))
        #expect((0..<150_000).allSatisfy { labels[$0] == (quoted ? "l\n\($0 % 5)" : "l\($0 % 5)") })
        #expect(DataFixtures.levels(frame.column(named: "flag")) == ["no", "yes"])
        #expect(frame.column(named: "flag")?.kind == .boolean)
        #expect(DataFixtures.levels(frame.column(named: "inches")) == (0..<4).map { quoted ? "\($0)\"" : "\($0)in" })
    }
}

@Suite struct SortedLevelsTests {
    /// Byte order, not first appearance; shorter before longer with the same prefix; equal
    /// entries (from different chunks) share one level.
    @Test func mergesAndSortsByBytes() {
        let words = ["b", "abcdefghij", "a", "abcdefgh", "", "abcdefghi", "é", "b", "a\u{0}", "abcdefgh"]
        var bytes: [UInt8] = []
        var bounds = [0]
        for word in words {
            bytes += Array(word.utf8)
            bounds.append(bytes.count)
        }
        let (levels, levelOfEntry) = CSVColumnAssembler.sortedLevels(bytes, bounds)
        let expected = ["", "a", "a\u{0}", "abcdefgh", "abcdefghi", "abcdefghij", "b", "é"]
        #expect(levels == expected)
        #expect(levelOfEntry.map { levels[Int($0)] } == words)
    }
}
