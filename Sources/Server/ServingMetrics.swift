import Engine
import Foundation
import Learning
import Prometheus
import Synchronization

/// What the endpoint counts: exposed in Prometheus text format on `GET /metrics`, and summed per version for `traffic`.
final class ServingMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let traffic = Mutex<[String: ModelTraffic]>([:])

    private static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "mlw", metricName: "requests", unitName: "total",
                                                       helpText: "Scoring requests answered, by model, version and role") }
    private static var errors: MetricNameDescriptor { MetricNameDescriptor(namespace: "mlw", metricName: "request_errors", unitName: "total",
                                                     helpText: "Scoring requests refused, by model, version and HTTP status") }
    private static var latency: MetricNameDescriptor { MetricNameDescriptor(namespace: "mlw", metricName: "request_duration", unitName: "seconds",
                                                      helpText: "Time from reading the body to the response, by model and version") }
    private static var predictions: MetricNameDescriptor { MetricNameDescriptor(namespace: "mlw", metricName: "predictions", unitName: "total",
                                                          helpText: "Predicted rows, by model, version and class (regression: class=\"\")") }
    private static var shadows: MetricNameDescriptor { MetricNameDescriptor(namespace: "mlw", metricName: "shadow_rows", unitName: "total",
                                                      helpText: "Rows a shadow version also scored, by agreement with production") }
    private static var dropped: MetricNameDescriptor { MetricNameDescriptor(namespace: "mlw", metricName: "captures_dropped", unitName: "total",
                                                      helpText: "Requests not captured because the capture buffer was full") }
    /// Starts with the unlabelled counters at 0, so that a scraper sees them before anything is dropped.
    init() {
        _ = registry.makeCounter(descriptor: Self.dropped)
    }

    private static let buckets: [Duration] = [.microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
                                              .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                              .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1)]

    /// The collectors of one model version and role, made once (the registry's lookups are slower than this cache's).
    private struct Handles {
        var requests: Counter
        var latency: DurationHistogram
        var predictions: [String: Counter] = [:]
    }

    private struct HandleKey: Hashable {
        var model: String
        var version: Int
        var role: RouteChoice.Role
    }

    private let handles = Mutex<[HandleKey: Handles]>([:])

    func answered(_ served: ServedModel, role: RouteChoice.Role, duration: Duration, predictions: Predictions) {
        let classes = Self.rowsPerClass(predictions)
        let key = HandleKey(model: served.name, version: served.version, role: role)
        let (requests, latency, counters) = handles.withLock { handles in
            if let entry = handles[key], classes.allSatisfy({ entry.predictions[$0.label] != nil }) {
                return (entry.requests, entry.latency, entry.predictions)
            }
            let labels = [("model", served.name), ("version", String(served.version))]
            var entry = handles[key] ?? Handles(
                requests: registry.makeCounter(descriptor: Self.requests, labels: labels + [("role", role.rawValue)]),
                latency: registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: Self.buckets))
            for (label, _) in classes where entry.predictions[label] == nil {
                entry.predictions[label] = registry.makeCounter(descriptor: Self.predictions, labels: labels + [("class", label)])
            }
            handles[key] = entry
            return (entry.requests, entry.latency, entry.predictions)
        }
        requests.increment()
        latency.record(duration)
        for (label, rows) in classes { counters[label]?.increment(by: Int64(rows)) }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        let trafficClasses = if case .classes = predictions { classes } else { [(label: String, rows: Int)]() }
        traffic.withLock { traffic in
            traffic[served.name, default: ModelTraffic()].answered(served.version, role: role.rawValue, seconds: seconds,
                                                                   classes: trafficClasses)
        }
    }

    /// The rows predicted per class, in the order of the model's classes; a regressor's rows all under "".
    private static func rowsPerClass(_ predictions: Predictions) -> [(label: String, rows: Int)] {
        switch predictions {
        case .values(let values):
            return [("", values.count)]
        case .classes(let classes) where classes.codes.count == 1:
            return [(classes.classes[Int(classes.codes[0])], 1)]
        case .classes(let classes):
            var rows = [Int](repeating: 0, count: classes.classes.count)
            for code in classes.codes { rows[Int(code)] += 1 }
            return zip(classes.classes, rows).filter { $0.1 > 0 }.map { ($0, $1) }
        }
    }

    /// A request refused with `status`; counted in `traffic` under the version and the role it was routed to.
    func refused(model: String, version: Int?, role: String = RouteChoice.Role.production.rawValue, status: Int) {
        let labels = [("model", model), ("version", version.map(String.init) ?? ""), ("status", String(status))]
        registry.makeCounter(descriptor: Self.errors, labels: labels).increment()
        guard let version else { return }
        traffic.withLock { $0[model, default: ModelTraffic()].refused(version, role: role) }
    }

    func shadowed(_ shadow: ServedModel, rows: Int, agreements: Int) {
        let labels = [("model", shadow.name), ("version", String(shadow.version))]
        registry.makeCounter(descriptor: Self.shadows, labels: labels + [("agrees", "true")]).increment(by: Int64(agreements))
        registry.makeCounter(descriptor: Self.shadows, labels: labels + [("agrees", "false")]).increment(by: Int64(rows - agreements))
        traffic.withLock { traffic in
            traffic[shadow.name, default: ModelTraffic()].shadowed(shadow.version, rows: rows, agreements: agreements)
        }
    }

    func droppedCapture() {
        registry.makeCounter(descriptor: Self.dropped).increment()
    }

    /// The Prometheus text exposition.
    func exposition() -> String { registry.emitToString() }

    func traffic(_ model: String) -> EndpointTraffic? {
        traffic.withLock { $0[model] }.map { $0.summary(model) }
    }
}

/// One model's counts per version and role, with a window of recent latencies for the percentiles.
private struct ModelTraffic: Sendable {
    struct Key: Hashable { var version: Int; var role: String }
    struct Counts {
        var requests = 0
        var errors = 0
        var latencies: [Double] = []
        var next = 0
        var classes: [String: Int] = [:]

        mutating func answered(seconds: Double, classes rowsPerClass: [(label: String, rows: Int)]) {
            requests += 1
            if latencies.count < ModelTraffic.window { latencies.append(seconds) } else { latencies[next] = seconds }
            next = (next + 1) % ModelTraffic.window
            for (label, rows) in rowsPerClass { classes[label, default: 0] += rows }
        }
    }

    static let window = 10_000
    var counts: [Key: Counts] = [:]
    var shadowRows = 0
    var shadowAgreements = 0

    /// Counted in place: a copy of the entry would copy its window of latencies on every request.
    mutating func answered(_ version: Int, role: String, seconds: Double, classes: [(label: String, rows: Int)]) {
        counts[Key(version: version, role: role), default: Counts()].answered(seconds: seconds, classes: classes)
    }

    mutating func refused(_ version: Int, role: String) {
        counts[Key(version: version, role: role), default: Counts()].errors += 1
    }

    mutating func shadowed(_ version: Int, rows: Int, agreements: Int) {
        counts[Key(version: version, role: "shadow"), default: Counts()].requests += 1
        shadowRows += rows
        shadowAgreements += agreements
    }

    func summary(_ model: String) -> EndpointTraffic {
        let versions = counts.sorted { ($0.key.version, $0.key.role) < ($1.key.version, $1.key.role) }.map { key, entry in
            let sorted = entry.latencies.sorted()
            func quantile(_ q: Double) -> Double? {
                sorted.isEmpty ? nil : sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
            }
            return EndpointTraffic.Version(version: key.version, role: key.role, requests: entry.requests, errors: entry.errors,
                                           p50: quantile(0.5), p99: quantile(0.99), classes: entry.classes)
        }
        return EndpointTraffic(model: model, versions: versions, shadowRows: shadowRows, shadowAgreements: shadowAgreements)
    }
}
