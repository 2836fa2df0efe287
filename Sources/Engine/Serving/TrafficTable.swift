/// `traffic NAME` as a table: per version and role its requests, share, errors and latency percentiles.
enum TrafficTable {
    static func table(_ traffic: EndpointTraffic) -> Table {
        let answered = traffic.versions.filter { $0.role != "shadow" }.reduce(0) { $0 + $1.requests }
        let rows = traffic.versions.map { entry -> [String] in
            let share = entry.role == "shadow" || answered == 0 ? "" : Formatting.percent(Double(entry.requests) / Double(answered))
            return ["\(traffic.model)@\(entry.version)", entry.role, String(entry.requests), share, String(entry.errors),
                    entry.p50.map(milliseconds) ?? "", entry.p99.map(milliseconds) ?? ""]
        }
        return Table(columns: [.init("version"), .init("role"), .init("requests", .right), .init("share", .right),
                               .init("errors", .right), .init("p50", .right), .init("p99", .right)],
                     rows: rows, volatileColumns: [5: "<ms>", 6: "<ms>"])
    }

    /// `species@1 predicted: setosa 50, versicolor 48, virginica 52`, for classifiers.
    static func predictedClasses(_ traffic: EndpointTraffic) -> [String] {
        traffic.versions.filter { !$0.classes.isEmpty }.map { entry in
            "\(traffic.model)@\(entry.version) predicted: "
                + entry.classes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
    }

    private static func milliseconds(_ seconds: Double) -> String {
        String(format: seconds < 0.01 ? "%.2f ms" : "%.1f ms", seconds * 1000)
    }
}
