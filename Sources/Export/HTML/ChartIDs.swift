/// Ids for a cell's charts in page order, `chart-3-1`, `chart-3-2`, so that a test or a reader can point at one.
struct ChartIDs {
    let cell: Int
    private var next = 1

    init(cell: Int) { self.cell = cell }

    mutating func take() -> String {
        defer { next += 1 }
        return "chart-\(cell)-\(next)"
    }
}
