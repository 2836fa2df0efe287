/// ADWIN's window: the values seen, summarised in exponential histograms (Bifet & Gavaldà,
/// 2007), kept exactly as River's `AdaptiveWindowing` keeps them.
///
/// Row i holds up to `maxBuckets` buckets of 2^i values each, oldest first, as a total and a
/// variance (sum of squared deviations). A new value enters row 0 as a bucket of one; when a
/// row reaches `maxBuckets + 1` buckets its two oldest merge into one bucket of the next row.
/// Dropping the oldest values removes the oldest bucket of the last row. The totals of the
/// whole window (`width`, `total`, `variance`) are updated incrementally, in River's order of
/// operations, so that every cut test rounds as River's does.
///
/// ```swift
/// var window = ADWIN.Window(maxBuckets: 5)
/// for x in [1.0, 2, 3] { window.insert(x) }     // width 3, total 6, variance 2
/// ```
extension ADWIN {
    struct Window: Sendable, Equatable {
        /// One row of buckets, oldest first.
        struct Row: Sendable, Equatable {
            var totals: [Double] = []
            var variances: [Double] = []
            var count: Int { totals.count }

            mutating func append(total: Double, variance: Double) {
                totals.append(total)
                variances.append(variance)
            }

            mutating func removeOldest(_ n: Int) {
                totals.removeFirst(n)
                variances.removeFirst(n)
            }
        }

        let maxBuckets: Int
        private(set) var rows: [Row] = [Row()]
        /// The number of values in the window (a `Double`, as River's).
        private(set) var width: Double = 0
        /// The sum of the values in the window.
        private(set) var total: Double = 0
        /// The sum of squared deviations from the window's mean.
        private(set) var variance: Double = 0

        init(maxBuckets: Int) {
            self.maxBuckets = maxBuckets
        }

        /// The number of values in each bucket of row `row`.
        static func bucketSize(_ row: Int) -> Double { Double(1 << row) }

        mutating func insert(_ value: Double) {
            rows[0].append(total: value, variance: 0)
            width += 1
            if width > 1 {
                let deviation = value - total / (width - 1)
                variance += (width - 1) * deviation * deviation / width
            }
            total += value
            compress()
        }

        /// Merges the two oldest buckets of each full row into the next row, from row 0 up.
        private mutating func compress() {
            var row = 0
            while rows[row].count == maxBuckets + 1 {
                let size = Self.bucketSize(row)
                let (total0, total1) = (rows[row].totals[0], rows[row].totals[1])
                let mean0 = total0 / size
                let mean1 = total1 / size
                let merged = rows[row].variances[0] + rows[row].variances[1] + size * 0.5 * (mean0 - mean1) * (mean0 - mean1)
                if row + 1 == rows.count { rows.append(Row()) }
                rows[row + 1].append(total: total0 + total1, variance: merged)
                rows[row].removeOldest(2)
                if rows[row + 1].count <= maxBuckets { break }
                row += 1
            }
        }

        /// Drops the oldest bucket (the first of the last row).
        mutating func removeOldest() {
            let last = rows.count - 1
            let size = Self.bucketSize(last)
            let bucketTotal = rows[last].totals[0]
            let bucketVariance = rows[last].variances[0]
            let bucketMean = bucketTotal / size
            width -= size
            total -= bucketTotal
            let windowMean = total / width
            variance -= bucketVariance
                + size * width * (bucketMean - windowMean) * (bucketMean - windowMean) / (size + width)
            rows[last].removeOldest(1)
            if rows[last].count == 0 { rows.removeLast() }
        }
    }
}
