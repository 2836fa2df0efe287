@testable import Learning
import Testing

/// Binning: exact (one bin per distinct value) up to 10,000 rows or 256 values, quantile
/// bins above; codes follow the values' order; thresholds separate the bins.
@Suite struct TreeBinsTests {
    static func matrix(rows: Int) -> DesignMatrix {
        var values: [Double] = []
        for row in 0..<rows {
            values.append(Double((row * 7919) % rows) * 0.001)   // all distinct
            values.append(Double(row % 50))                        // 50 distinct
        }
        return DesignMatrix(rowCount: rows, columnCount: 2, values: values)
    }

    @Test(arguments: [500, 10_000, 12_000])
    func codesFollowTheValues(rows: Int) {
        let x = Self.matrix(rows: rows)
        let bins = TreeBinnedData(x, columns: [0, 1])
        #expect(bins.binCount(0) == (rows <= TreeBinnedData.exactRowLimit ? rows : TreeBinnedData.maxBins))
        #expect(bins.binCount(1) == 50)
        for feature in 0..<2 {
            let base = bins.binOffset[feature]
            for row in 0..<rows {
                let code = Int(bins.codes.base[feature * rows + row])
                let value = Double(Float(x[row, feature]))
                #expect(bins.lowest[base + code] <= value && value <= bins.highest[base + code])
            }
            for bin in 1..<bins.binCount(feature) {
                let threshold = bins.threshold(feature: feature, left: bin - 1, right: bin)
                #expect(bins.highest[base + bin - 1] <= threshold && threshold < bins.lowest[base + bin])
            }
        }
    }

    @Test func quantileBinsHoldSimilarRowCounts() {
        let rows = 20_000
        let bins = TreeBinnedData(Self.matrix(rows: rows), columns: [0])
        var counts = [Int](repeating: 0, count: bins.binCount(0))
        for row in 0..<rows { counts[Int(bins.codes.base[row])] += 1 }
        #expect(counts.min()! >= rows / 256 - 1 && counts.max()! <= rows / 256 + 2)
    }

    @Test func binnedTreeStillFitsLargeData() throws {
        let rows = 12_000
        let x = (0..<rows).map { Double(($0 * 7919) % rows) / Double(rows) }
        let label = x.map { Int32($0 > 0.37 ? 1 : 0) }
        let frame = DataFrame(columns: [.numeric("x", x), .categorical("label", codes: label, levels: ["no", "yes"])],
                              target: "label")
        let model = try train(.tree, on: frame, parameters: [:], seed: 0)
        #expect(try #require(try evaluate(model, on: frame)["accuracy"]) > 0.995)
    }

    @Test func columnsAreOrderedNumericFirst() {
        let columns: [Column] = [
            .categorical("colour", codes: [0, 1, 2], levels: ["blue", "green", "red"]),
            .numeric("x", [1, 2, 3]),
            .categorical("flag", codes: [0, 1, 0], levels: ["no", "yes"], kind: .boolean),
            .numeric("z", [3, 2, 1]),
        ]
        #expect(TreeBinnedData.columnOrder(columns, width: 7) == [3, 6, 0, 1, 2, 4, 5])
        #expect(TreeBinnedData.columnOrder(columns, width: 9) == Array(0..<9))
    }
}
