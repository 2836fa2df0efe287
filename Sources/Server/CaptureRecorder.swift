import Foundation
import Learning
import Store
import Synchronization

/// Stores a sample of the requests with their predictions as captures for monitoring, and scores shadow copies,
/// off the request path. A captured request's rows are written as JSON text into its capture as it is answered, so
/// that nothing of the request outlives it: what a request allocates is freed, still in cache, by the thread that
/// allocated it (waiting whole, requests took the single-row p99 at 4 connections from about 1 ms to over 2).
/// A shadowed request waits whole for its shadow to score it. A thread of its own drains both, every
/// `limit.drainInterval`, at nice 5, so that a drain gives way to requests; not SCHED_IDLE, under which it starves
/// at full load and drops most captures.
final class CaptureRecorder: Sendable {
    /// A request waiting to be shadowed (and stored, when `captured`).
    struct Pending: Sendable {
        var answered: ServedModel
        var shadow: ServedModel?
        var captured: Bool
        var table: InputTable
        var predictions: Predictions
    }

    private struct Waiting {
        var shadowed: [Pending] = []
        var shadowedRows = 0
        var captured = CaptureGroups()
        var requests = 0
        var rows: Int { captured.rows + shadowedRows }

        func admits(_ rowCount: Int, within limit: CaptureLimit) -> Bool {
            requests == 0 || (requests < limit.requests && rows + rowCount <= limit.rows)
        }
    }

    private let store: Store
    private let metrics: ServingMetrics
    private let limit: CaptureLimit
    private let waiting = Mutex(Waiting())
    /// Held by a drain, so that `flush` and the thread never drain at once.
    private let draining = Mutex<Void>(())

    init(store: Store, metrics: ServingMetrics, limit: CaptureLimit) {
        self.store = store
        self.metrics = metrics
        self.limit = limit
        let thread = Thread { [weak self] in
            #if os(Linux)
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)  // on Linux, 0 is the calling thread
            #endif
            while true {
                Thread.sleep(forTimeInterval: limit.drainInterval)
                guard let recorder = self else { return }  // the server is gone
                recorder.drain()
            }
        }
        thread.name = "mlw capture"
        thread.start()
    }

    func add(_ request: Pending) {
        let labels = request.shadow == nil ? request.predictions.labels : []
        let accepted = waiting.withLock { waiting in
            guard waiting.admits(request.table.rowCount, within: limit) else { return false }
            waiting.requests += 1
            if request.shadow == nil {
                waiting.captured.add(request.table, answered: request.answered, predictions: labels, shadow: nil)
            } else {
                waiting.shadowed.append(request)
                waiting.shadowedRows += request.table.rowCount
            }
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

    /// Scores the shadow copies, then stores the captures: those of the same version, shadow and columns joined
    /// into one.
    private func drainThrowing() throws {
        var batch = waiting.withLock { waiting in
            defer { waiting = Waiting() }
            return waiting
        }
        for request in batch.shadowed {
            let predictions = request.predictions.labels
            let shadowPredictions = request.shadow.flatMap { shadow(request, $0, production: predictions) }
            guard request.captured else { continue }
            batch.captured.add(request.table, answered: request.answered, predictions: predictions,
                               shadow: shadowPredictions.map { (request.shadow!.version, $0) })
        }
        guard !batch.captured.isEmpty else { return }
        try store.recordCaptures(batch.captured.captures)
    }

    /// The shadow's predictions for a request production answered, counted against production's; nil when it cannot score it.
    private func shadow(_ request: Pending, _ shadow: ServedModel, production: [String]) -> [String]? {
        guard let frame = try? FeatureFrameBuilder.frame(from: request.table, for: shadow.model),
              let predictions = try? shadow.model.predict(frame) else {
            metrics.refused(model: shadow.name, version: shadow.version, role: "shadow", status: 400)
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
