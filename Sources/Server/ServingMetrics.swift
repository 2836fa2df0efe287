import Engine
import Foundation
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

    func answered(_ served: ServedModel, role: RouteChoice.Role, duration: Duration, classes: [String]?, rows: Int) {
        var counts: [String: Int] = [:]
        for label in classes ?? [] { counts[label, default: 0] += 1 }
        if classes == nil { counts[""] = rows }
        let key = HandleKey(model: served.name, version: served.version, role: role)
        let labels = [("model", served.name), ("version", String(served.version))]
        let (requests, latency, predictions) = handles.withLock { handles in
            var entry = handles[key] ?? Handles(
                requests: registry.makeCounter(descriptor: Self.requests, labels: labels + [("role", role.rawValue)]),
                latency: registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: Self.buckets))
            for label in counts.keys where entry.predictions[label] == nil {
                entry.predictions[label] = registry.makeCounter(descriptor: Self.predictions, labels: labels + [("class", label)])
            }
            handles[key] = entry
            return (entry.requests, entry.latency, entry.predictions)
        }
        requests.increment()
        latency.record(duration)
        for (label, count) in counts { predictions[label]?.increment(by: Int64(count)) }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        traffic.withLock { traffic in
            traffic[served.name, default: ModelTraffic()].answered(served.version, role: role.rawValue, seconds: seconds,
                                                                   classes: classes ?? [])
        }
    }

    func refused(model: String, version: Int?, status: Int) {
        let labels = [("model", model), ("version", version.map(String.init) ?? ""), ("status", String(status))]
        registry.makeCounter(descriptor: Self.errors, labels: labels).increment()
        guard let version else { return }
        traffic.withLock { $0[model, default: ModelTraffic()].refused(version) }
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
    }

    static let window = 10_000
    var counts: [Key: Counts] = [:]
    var shadowRows = 0
    var shadowAgreements = 0

    mutating func answered(_ version: Int, role: String, seconds: Double, classes: [String]) {
        var entry = counts[Key(version: version, role: role), default: Counts()]
        entry.requests += 1
        if entry.latencies.count < Self.window { entry.latencies.append(seconds) } else { entry.latencies[entry.next] = seconds }
        entry.next = (entry.next + 1) % Self.window
        for label in classes { entry.classes[label, default: 0] += 1 }
        counts[Key(version: version, role: role)] = entry
    }

    mutating func refused(_ version: Int) {
        let key = counts.keys.first { $0.version == version } ?? Key(version: version, role: "production")
        counts[key, default: Counts()].errors += 1
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
