import Foundation
import Testing
@testable import Learning

/// Every real dataset in `shared/datasets` reads as its MANIFEST.json describes it.
@Suite struct DatasetLoadingTests {
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        struct ColumnEntry: Decodable, Sendable {
            let name: String
            let type: String
            let missing: Int
            let n_unique: Int
        }

        let file: String
        let target: String
        let rows: Int
        let cols: Int
        let size_bytes: Int
        let sha256: String
        let columns: [ColumnEntry]
        let missing_total: Int
        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        let url = DataFixtures.datasets.appendingPathComponent("MANIFEST.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }()

    @Test func manifestIsFound() {
        #expect(Self.entries.count >= 10, "expected the datasets at \(DataFixtures.datasets.path)")
    }

    @Test(arguments: entries)
    func loadsAsDescribed(_ entry: Entry) throws {
        let table = try CSVReader.read(path: DataFixtures.path(entry.file), target: entry.target)
        let frame = table.frame
        #expect(frame.rowCount == entry.rows)
        #expect(frame.columns.count == entry.cols)
        #expect(frame.columnNames == entry.columns.map(\.name))
        #expect(frame.target == entry.target)
        #expect(table.sha256 == entry.sha256)
        #expect(table.byteCount == entry.size_bytes)
        #expect(frame.columns.reduce(0) { $0 + $1.missingCount } == entry.missing_total)
        for (column, expected) in zip(frame.columns, entry.columns) {
            let summary = column.summary()
            #expect(summary.missing == expected.missing, "\(entry.file) \(column.name)")
            #expect(summary.distinct == expected.n_unique, "\(entry.file) \(column.name)")
            let numeric = expected.type.hasPrefix("float") || expected.type.hasPrefix("int")
            #expect((column.kind == .numeric) == numeric, "\(entry.file) \(column.name) is \(column.kind)")
        }
    }

    @Test func yesNoColumnsAreBoolean() throws {
        let frame = try CSVReader.read(path: DataFixtures.path("computers.csv")).frame
        for name in ["cd", "multi", "premium"] {
            #expect(frame.column(named: name)?.kind == .boolean)
            #expect(DataFixtures.levels(frame.column(named: name)) == ["no", "yes"])
        }
        #expect(frame.column(named: "month")?.kind == .categorical)
    }
}
