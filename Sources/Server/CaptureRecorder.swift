import Foundation
import Learning
import Store
import Synchronization

/// Stores a sample of the requests with their predictions as captures for monitoring, and scores shadow copies,
/// off the request path: a request only appends to a buffer that a thread of its own drains four times a second.
/// The thread runs at a somewhat lower priority (nice 5) than the event loops, so that a drain, some tens of
/// milliseconds of work on a busy endpoint, gives way to requests rather than adding to their latency; not much lower,
/// or at full load it would fall behind and drop captures (nice 10 dropped some at 24,000 single-row requests/s on
/// 2 cores; nice 5 none).
final class CaptureRecorder: Sendable {
    /// A request waiting to be shadowed or stored.
    struct Pending: Sendable {
        var answered: ServedModel
        var shadow: ServedModel?
        var captured: Bool
        var table: InputTable
        var predictions: Predictions
    }

    /// Past this many waiting requests, or rows in them, new ones are dropped (and counted) rather than let
    /// memory grow: a row waits as its cells, some 100 bytes for four features.
    static let limit = (requests: 20_000, rows: 100_000)

    private let store: Store
    private let metrics: ServingMetrics
    private let pending = Mutex<(requests: [Pending], rows: Int)>(([], 0))
    /// Held by a drain, so that `flush` and the thread never drain at once.
    private let draining = Mutex<Void>(())

    init(store: Store, metrics: ServingMetrics) {
        self.store = store
        self.metrics = metrics
        let thread = Thread { [weak self] in
            #if os(Linux)
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)  // on Linux, 0 is the calling thread
            #endif
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                guard let recorder = self else { return }  // the server is gone
                recorder.drain()
            }
        }
        thread.name = "mlw capture"
        thread.start()
    }

    func add(_ request: Pending) {
        let accepted = pending.withLock { pending in
            guard pending.requests.count < Self.limit.requests,
                  pending.rows + request.table.rowCount <= Self.limit.rows || pending.requests.isEmpty else {
                return false
            }
            pending.requests.append(request)
            pending.rows += request.table.rowCount
            return true
        }
        if !accepted { metrics.droppedCapture() }
    }

    /// Scores and stores everything waiting, before returning.
    func flush() throws {
        try draining.withLock { _ in try drainThrowing() }
    }

    private func drain() {
        do {
            try draining.withLock { _ in try drainThrowing() }
        } catch {
            FileHandle.standardError.write(Data("mlw serve: cannot store captured requests: \(error)\n".utf8))
        }
        #if os(Linux)
        // A drain frees what the requests of its batch held, a few MB on a busy endpoint, much of it allocated by
        // the event loops' threads; without this the allocator keeps the largest batch's memory for good.
        _ = mallocTrim?(0)
        #endif
    }

    /// Scores the shadow copies and stores the captures waiting, those of the same version, shadow and columns
    /// joined into one, so a busy endpoint writes a few rows per drain.
    private func drainThrowing() throws {
        let batch = pending.withLock { pending in
            defer { pending = ([], 0) }
            return pending.requests
        }
        guard !batch.isEmpty else { return }
        struct Group: Hashable {
            var model: String
            var version: Int
            var shadow: Int?
            var withTarget: Bool  // a version's columns are its features, and its target when the request had it
        }
        var captures: [EncodedCapture] = []
        var groups: [Group: Int] = [:]
        for request in batch {
            let predictions = request.predictions.labels
            let shadowPredictions = request.shadow.flatMap { shadow(request, $0, production: predictions) }
            guard request.captured else { continue }
            let model = request.answered.model
            let withTarget = request.table.columns[model.target] != nil
            let group = Group(model: request.answered.name, version: request.answered.version,
                              shadow: shadowPredictions == nil ? nil : request.shadow?.version, withTarget: withTarget)
            let index: Int
            if let known = groups[group] {
                index = known
                captures[index].capture.predictions += predictions  // in place: a copy of the group would copy all it holds
                if let shadowPredictions { captures[index].capture.shadowPredictions? += shadowPredictions }
            } else {
                index = captures.count
                groups[group] = index
                captures.append(EncodedCapture(NewCapture(
                    modelName: group.model, version: group.version, shadowVersion: group.shadow,
                    columns: withTarget ? model.featureNames + [model.target] : model.featureNames, rows: [],
                    predictions: predictions, shadowPredictions: shadowPredictions)))
            }
            let cells = captures[index].capture.columns.map { request.table.columns[$0]! }
            for row in 0..<request.table.rowCount { captures[index].rows.append(cells.count) { cells[$0][row].text } }
        }
        try store.recordCaptures(captures)
    }

    /// The shadow's predictions for a request production answered, counted against production's; nil when it cannot score it.
    private func shadow(_ request: Pending, _ shadow: ServedModel, production: [String]) -> [String]? {
        guard let frame = try? FeatureFrameBuilder.frame(from: request.table, for: shadow.model),
              let predictions = try? shadow.model.predict(frame) else {
            metrics.refused(model: shadow.name, version: shadow.version, status: 400)
            return nil
        }
        let labels = predictions.labels
        let agreements = zip(labels, production).count { $0 == $1 }
        metrics.shadowed(shadow, rows: labels.count, agreements: agreements)
        return labels
    }
}

extension JSONValue {
    /// The value as a cell's text; nil for null.
    var text: String? {
        switch self {
        case .null: nil
        case .bool(let value): String(value)
        case .number(let value): formatNumber(value)
        case .string(let value): value
        case .array, .object: summary
        }
    }
}

#if os(Linux)
/// glibc's `malloc_trim`, which Swift's Glibc module does not declare: gives the allocator's free memory back.
nonisolated(unsafe) private let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
    unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
}
#endif
