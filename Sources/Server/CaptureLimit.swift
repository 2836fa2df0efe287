/// How much data capture holds between drains: past this many waiting requests, or rows in them, new ones are
/// dropped (and counted in `mlw_captures_dropped_total`) rather than let memory grow. A captured row waits as its
/// text, some 40 bytes for four features; a shadowed one as its cells, some 100 bytes.
public struct CaptureLimit: Sendable {
    public var requests: Int
    public var rows: Int
    /// Seconds between drains.
    public var drainInterval: Double

    public init(requests: Int, rows: Int, drainInterval: Double) {
        self.requests = requests
        self.rows = rows
        self.drainInterval = drainInterval
    }

    public static let `default` = CaptureLimit(requests: 20_000, rows: 100_000, drainInterval: 0.25)
}
