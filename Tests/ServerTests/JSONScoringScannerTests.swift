import Foundation
@testable import Server
import Testing

private let features = ["a", "b", "c"]

/// Reads `body` both ways: the one-pass scanner (nil when it leaves the body to the decoder) and the decoder.
private func bothWays(_ body: String) -> (scanned: InputTable?, decoded: Result<InputTable, ServingError>) {
    let bytes = Array(body.utf8)
    let decoded = Result { () throws(ServingError) in try JSONScoringRequest.decodedTable(from: Data(bytes), featureOrder: features) }
    return (JSONScoringScanner.table(from: bytes, featureOrder: features), decoded)
}

/// The same columns, cells (numbers to the bit), rows and row names.
private func same(_ left: InputTable, _ right: InputTable) -> Bool {
    guard left.rowCount == right.rowCount, left.rowName(0) == right.rowName(0),
          Set(left.columns.keys) == Set(right.columns.keys) else { return false }
    return left.columns.allSatisfy { name, cells in
        let other = right.columns[name]!
        return cells.count == other.count && zip(cells, other).allSatisfy { a, b in
            if case .number(let x) = a, case .number(let y) = b { return x.bitPattern == y.bitPattern }
            return a == b
        }
    }
}

/// Bodies the scanner must read itself, as the decoder reads them.
private let usual = [
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[5.1, 3.5, 1.4], [4.9, 3, 1.4]]}}"#,
    #"{"dataframe_split":{"data":[[1,2,3]],"columns":["c","b","a"]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": []}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[null, "x y", true], [false, "", -0.0]]}}"#,
    "{\n  \"dataframe_split\" : {\n\t\"columns\" : [ \"a\" , \"b\" , \"c\" ] ,\r\n \"data\" : [ [ 1e3 , -2.5E-3 , 0 ] ]\n }\n}\n",
    #"{"dataframe_records": [{"a": 1, "b": 2, "c": 3}, {"c": "x", "a": null}, {}]}"#,
    #"{"dataframe_records": [{"a": 1, "z": "extra"}]}"#,
    #"{"dataframe_records": []}"#,
    #"{"instances": [[1, 2, 3], [4, 5, 6]]}"#,
    #"{"instances": [{"a": 1, "b": "é", "c": 3}]}"#,
    #"{"instances": []}"#,
    #"{"dataframe_split": {"columns": ["ünïcødé 名前", "b", "c"], "data": [["€", 2, 3]]}}"#,
]

/// Bodies the scanner may leave to the decoder; whatever it reads must equal the decoder's table.
private let unusual = [
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, 2]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "a", "c"], "data": [[1, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, 2, 3]], "index": [0]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, [2], 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, {"x": 2}, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, 2, 3],]}}"#,
    #"{"dataframe_split": {"columns": ["a\"q", "b", "c"], "data": [[1, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["\u0061", "b", "c"], "data": [["tab\there", 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[01, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1., 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[.5, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[+1, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1e, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[-, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[NaN, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1e400, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[nul, 2, 3]]}}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, 2, 3]]}} x"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "data": [[1, 2, 3]]}"#,
    #"{"dataframe_split": {"columns": ["a", "b", "c"], "columns": ["a", "b", "c"], "data": [[1, 2, 3]]}}"#,
    #"{"dataframe_records": [{"a": 1, "a": 2}]}"#,
    #"{"dataframe_records": [{"a": 1}], "instances": [[1, 2, 3]]}"#,
    #"{"dataframe_records": [1, 2]}"#,
    #"{"instances": [[1, 2]]}"#,
    #"{"instances": [1, 2, 3]}"#,
    #"{"instances": [[1, 2, 3], {"a": 1}]}"#,
    #"{"rows": []}"#,
    #"[1, 2]"#,
    "",
    "\u{FEFF}{\"instances\": [[1, 2, 3]]}",
    "{\"instances\": [[\"\u{01}\", 2, 3]]}",
]

@Suite("JSON scoring bodies read in one pass")
struct JSONScoringScannerTests {
    @Test func theScannerReadsTheUsualBodiesAsTheDecoderDoes() throws {
        for body in usual {
            let (scanned, decoded) = bothWays(body)
            let table = try #require(scanned, "the scanner left \(body) to the decoder")
            #expect(same(table, try decoded.get()), "\(body)")
        }
    }

    @Test func whatTheScannerReadsOfUnusualBodiesEqualsTheDecoders() {
        for body in unusual {
            let (scanned, decoded) = bothWays(body)
            guard let scanned else { continue }
            guard case .success(let table) = decoded else {
                Issue.record("the scanner read \(body), which the decoder refuses")
                continue
            }
            #expect(same(scanned, table), "\(body)")
        }
    }

    @Test func numbersAreReadToTheBitAsTheDecoderReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1", "-1", "0.1", "0.3", "1e22", "1e23", "9007199254740993", "9007199254740992.5",
                     "123456789012345678901234567890", "0.000000000000000000000000000001", "1.7976931348623157e308",
                     "5e-324", "2.2250738585072014e-308", "4.9e-324", "1E+2", "1e-22", "1.5e-23", "100000000000000000000000",
                     "0.1000000000000000055511151231257827", "3.14159265358979323846264338327950288"]
        for _ in 0..<3000 {
            let value = Double(bitPattern: generator.next() & ~(0x7FF << 52) | (UInt64.random(in: 900...1150) << 52))
            texts.append("\(value)")
            texts.append(String(format: "%.17g", value))
            texts.append(String(format: "%.6f", value.truncatingRemainder(dividingBy: 1e6)))
            texts.append(String(Int.random(in: -1_000_000_000...1_000_000_000)))
        }
        let body = #"{"instances": ["# + texts.map { "[\($0), 0, 0]" }.joined(separator: ",") + "]}"
        let (scanned, decoded) = bothWays(body)
        let table = try #require(scanned)
        let expected = try decoded.get()
        for (row, (got, want)) in zip(table.columns["a"]!, expected.columns["a"]!).enumerated() {
            guard case .number(let x) = got, case .number(let y) = want, x.bitPattern == y.bitPattern else {
                Issue.record("\(texts[row]): scanned \(got), decoded \(want)")
                continue
            }
        }
    }
}
