import Dispatch
import Foundation
import Learning
import Store
import Synchronization

/// Stores a sample of the requests with their predictions as captures for monitoring, and scores shadow copies,
/// off the request path: a request only appends to a buffer that a background queue drains four times a second.
final class CaptureRecorder: Sendable {
    /// A request waiting to be shadowed or stored.
    struct Pending: Sendable {
        var answered: ServedModel
        var shadow: ServedModel?
        var captured: Bool
        var table: InputTable
        var predictions: [String]
    }

    /// Past this many waiting requests new ones are dropped (and counted) rather than let memory grow.
    static let limit = 20_000

    private let store: Store
    private let metrics: ServingMetrics
    private let pending = Mutex<[Pending]>([])
    private let queue = DispatchQueue(label: "mlw.capture")
    nonisolated(unsafe) private let timer: DispatchSourceTimer

    init(store: Store, metrics: ServingMetrics) {
        self.store = store
        self.metrics = metrics
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.drain() }
        timer.resume()
    }

    deinit { timer.cancel() }

    func add(_ request: Pending) {
        let accepted = pending.withLock { pending in
            guard pending.count < Self.limit else { return false }
            pending.append(request)
            return true
        }
        if !accepted { metrics.droppedCapture() }
    }

    /// Scores and stores everything waiting, before returning.
    func flush() throws {
        try queue.sync { try drainThrowing() }
    }

    private func drain() {
        do {
            try drainThrowing()
        } catch {
            FileHandle.standardError.write(Data("mlw serve: cannot store captured requests: \(error)\n".utf8))
        }
    }

    private func drainThrowing() throws {
        let batch = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !batch.isEmpty else { return }
        var captures: [NewCapture] = []
        for request in batch {
            let shadowPredictions = request.shadow.flatMap { shadow(request, $0) }
            guard request.captured else { continue }
            let model = request.answered.model
            var columns = model.featureNames
            if request.table.columns[model.target] != nil { columns.append(model.target) }
            let cells = columns.map { request.table.columns[$0]! }
            let rows = (0..<request.table.rowCount).map { row in cells.map { $0[row].text } }
            captures.append(NewCapture(modelName: request.answered.name, version: request.answered.version,
                                       shadowVersion: shadowPredictions == nil ? nil : request.shadow?.version,
                                       columns: columns, rows: rows, predictions: request.predictions,
                                       shadowPredictions: shadowPredictions))
        }
        try store.recordCaptures(Self.grouped(captures))
    }

    /// Captures of the same version, shadow and columns joined into one, so a busy endpoint writes a few rows per drain.
    static func grouped(_ captures: [NewCapture]) -> [NewCapture] {
        struct Key: Hashable {
            var model: String
            var version: Int
            var shadow: Int?
            var columns: [String]
        }
        var order: [Key] = []
        var groups: [Key: NewCapture] = [:]
        for capture in captures {
            let key = Key(model: capture.modelName, version: capture.version, shadow: capture.shadowVersion, columns: capture.columns)
            guard var group = groups[key] else {
                order.append(key)
                groups[key] = capture
                continue
            }
            group.rows += capture.rows
            group.predictions += capture.predictions
            if let shadow = capture.shadowPredictions { group.shadowPredictions = (group.shadowPredictions ?? []) + shadow }
            groups[key] = group
        }
        return order.map { groups[$0]! }
    }

    /// The shadow's predictions for a request production answered, counted against production's; nil when it cannot score it.
    private func shadow(_ request: Pending, _ shadow: ServedModel) -> [String]? {
        guard let frame = try? FeatureFrameBuilder.frame(from: request.table, for: shadow.model),
              let predictions = try? shadow.model.predict(frame) else {
            metrics.refused(model: shadow.name, version: shadow.version, status: 400)
            return nil
        }
        let labels = predictions.labels
        let agreements = zip(labels, request.predictions).count { $0 == $1 }
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
