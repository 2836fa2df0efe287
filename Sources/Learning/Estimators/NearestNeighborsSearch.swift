/// Brute-force exact k-nearest-neighbour search (Euclidean) over row-major points.
///
/// The neighbours of a query are its `k` nearest training rows and, when `tiesVote`, every
/// row as near as the `k`-th (R's `class::knn` also lets such ties vote), so they never
/// depend on the order of the training rows; otherwise the earlier rows among those tied.
/// Never on scheduling: they come ordered by distance, then by training row, and queries
/// are spread over both cores in fixed blocks.
struct NearestNeighborsSearch {
    /// Training points, `count × dimension`, row-major.
    let points: [Double]
    let count: Int
    let dimension: Int
    let tiesVote: Bool

    /// For each row of `queries`, `body(neighbours, squaredDistances)` with the `k` nearest
    /// training rows (and, when `tiesVote`, those tied with the `k`-th), nearest first.
    /// Results are gathered per block, in order.
    func map<T>(_ queries: DesignMatrix, k: Int,
                _ body: (_ neighbours: [Int], _ squaredDistances: [Double]) -> T) -> [T] {
        precondition(queries.columnCount == dimension && k >= 1 && k <= count)
        let rows = queries.rowCount
        let panels = Self.panels(points, rows: count, columns: dimension)
        let blockSize = 64
        let blocks = Parallel.map((rows + blockSize - 1) / blockSize) { block in
            let range = block * blockSize..<min(rows, (block + 1) * blockSize)
            var heaps = [NeighbourHeap](repeating: NeighbourHeap(capacity: k, keepsTies: tiesVote), count: range.count)
            search(Self.panels(queries.values, rows: range, columns: dimension), queryCount: range.count,
                   panels: panels, heaps: &heaps)
            return heaps.map { heap in
                let sorted = heap.sorted()
                return body(sorted.map(\.index), sorted.map(\.distance))
            }
        }
        return blocks.flatMap { $0 }
    }

    /// Feeds every training row to the heaps of the queries, both given as panels.
    ///
    /// Four queries against four training rows at a time, in SIMD registers, over tiles
    /// of training panels small enough to stay in cache while every query group visits
    /// them. Each squared distance is summed over the columns in order, as a plain loop
    /// would, and rows reach a heap in increasing order.
    private func search(_ queryPanels: [Double], queryCount: Int, panels: [Double],
                        heaps: inout [NeighbourHeap]) {
        let p = dimension, n = count, panelSize = 4 * dimension
        let chunks = (n + 3) / 4, groups = (queryCount + 3) / 4
        let tile = max(1, 1024 / max(p, 1))
        queryPanels.withUnsafeBufferPointer { q in
            panels.withUnsafeBufferPointer { x in
                let xBase = UnsafeRawPointer(x.baseAddress!), qBase = q.baseAddress!
                for tileStart in stride(from: 0, to: chunks, by: tile) {
                    for group in 0..<groups {
                        let query = qBase + group * panelSize
                        let members = min(4, queryCount - group * 4)
                        for chunk in tileStart..<min(tileStart + tile, chunks) {
                            var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
                            let offset = chunk * panelSize * 8
                            for j in 0..<p {
                                let v = xBase.loadUnaligned(fromByteOffset: offset + j * 32, as: SIMD4<Double>.self)
                                let d0 = v - SIMD4(repeating: query[j * 4]), d1 = v - SIMD4(repeating: query[j * 4 + 1])
                                let d2 = v - SIMD4(repeating: query[j * 4 + 2]), d3 = v - SIMD4(repeating: query[j * 4 + 3])
                                a0 += d0 * d0
                                a1 += d1 * d1
                                a2 += d2 * d2
                                a3 += d3 * d3
                            }
                            let lanes = min(4, n - chunk * 4), first = chunk * 4, h = group * 4
                            Self.offer(a0, lanes: lanes, first: first, to: &heaps[h])
                            if members > 1 { Self.offer(a1, lanes: lanes, first: first, to: &heaps[h + 1]) }
                            if members > 2 { Self.offer(a2, lanes: lanes, first: first, to: &heaps[h + 2]) }
                            if members > 3 { Self.offer(a3, lanes: lanes, first: first, to: &heaps[h + 3]) }
                        }
                    }
                }
            }
        }
    }

    /// Offers training rows `first ..< first + lanes` at squared distances `sums` to `heap`.
    @inline(__always)
    private static func offer(_ sums: SIMD4<Double>, lanes: Int, first: Int, to heap: inout NeighbourHeap) {
        if heap.isFull && !any(sums .<= SIMD4(repeating: heap.farthestKept)) { return }
        for lane in 0..<lanes where !heap.isFull || sums[lane] <= heap.farthestKept {
            heap.insert(Neighbour(distance: sums[lane], index: first + lane))
        }
    }

    /// Rows `rows` of `values` (row-major, `columns` wide) in panels of four rows: panel
    /// `i` holds rows `4i ..< 4i + 4` column by column (`[column][row]`), the last padded
    /// with zeros.
    private static func panels(_ values: [Double], rows: Range<Int>, columns: Int) -> [Double] {
        let count = rows.count
        var out = [Double](repeating: 0, count: max(1, (count + 3) / 4 * 4 * columns))
        values.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for row in 0..<count {
                    let panel = (row / 4) * 4 * columns, lane = row % 4
                    for column in 0..<columns {
                        target[panel + column * 4 + lane] = source[(rows.lowerBound + row) * columns + column]
                    }
                }
            }
        }
        return out
    }

    private static func panels(_ values: [Double], rows: Int, columns: Int) -> [Double] {
        panels(values, rows: 0..<rows, columns: columns)
    }
}

/// A training row and its squared distance to the query.
fileprivate struct Neighbour {
    var distance: Double
    var index: Int

    /// Farther, or as far but a later row.
    func isWorse(than other: Neighbour) -> Bool {
        distance > other.distance || (distance == other.distance && index > other.index)
    }
}

/// The `capacity` best neighbours seen, in a max-heap with the worst on top, and, when
/// `keepsTies`, those seen as far as that worst one (`ties`), which count as neighbours too.
fileprivate struct NeighbourHeap {
    private var items: [Neighbour] = []
    /// Neighbours beyond the heap's `capacity` tied with `worst` (within `tieTolerance`).
    private var ties: [Neighbour] = []
    let capacity: Int
    let keepsTies: Bool

    init(capacity: Int, keepsTies: Bool) {
        self.capacity = capacity
        self.keepsTies = keepsTies
        items.reserveCapacity(capacity)
    }

    var isFull: Bool { items.count == capacity }
    var worst: Double { items[0].distance }

    /// How much farther than the `k`-th a row may be and still be tied with it: squared distances
    /// of rows that are equally far in exact arithmetic differ by rounding (after standardising).
    static let tieTolerance = 1e-9

    /// Once full, the farthest squared distance a row can have and still count: `worst`, or
    /// within `tieTolerance` of it when ties are kept.
    var farthestKept: Double { keepsTies ? worst * (1 + Self.tieTolerance) : worst }

    /// Adds `neighbour`; once full, callers pass only ones at most as far as `farthestKept`.
    mutating func insert(_ neighbour: Neighbour) {
        if items.count < capacity {
            items.append(neighbour)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard items[child].isWorse(than: items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
            return
        }
        if neighbour.distance >= worst {
            if keepsTies && neighbour.distance <= farthestKept { ties.append(neighbour) }
            return
        }
        let dropped = items[0]
        items[0] = neighbour
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < items.count, items[left].isWorse(than: items[largest]) { largest = left }
            if right < items.count, items[right].isWorse(than: items[largest]) { largest = right }
            if largest == parent { break }
            items.swapAt(parent, largest)
            parent = largest
        }
        if keepsTies {
            ties.append(dropped)
            let bound = farthestKept
            ties.removeAll { $0.distance > bound }
        }
    }

    /// The neighbours, nearest first, equally near ones by training row.
    func sorted() -> [Neighbour] { (items + ties).sorted { $1.isWorse(than: $0) } }
}
