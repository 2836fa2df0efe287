import Foundation
import Learning

/// How baselines and batch reports read in the terminal and in recorded output.
enum MonitorTables {
    /// One row per profiled column: type, completeness, range or categories, quantiles, distribution.
    static func profiles(_ profiles: [FeatureProfile]) -> Table {
        let distributions = profiles.map { profile in
            CellChart.histogram(profile.numbers.map { histogram($0.sketch, bins: 12) }
                ?? zip(profile.levels ?? [], profile.levelCounts ?? []).filter { $0.1 > 0 }.prefix(12).map(\.1))
        }
        let rows = zip(profiles, distributions).map { profile, distribution -> [String] in
            let complete = DataQualityCheck.percent(profile.completeness)
            if let numbers = profile.numbers {
                let q = numbers.quantiles
                return [profile.name, profile.kind.rawValue, complete,
                        "\(Formatting.statistic(numbers.min)) … \(Formatting.statistic(numbers.max))",
                        "\(Formatting.statistic(q[1])) / \(Formatting.statistic(q[3])) / \(Formatting.statistic(q[5]))",
                        distribution.text]
            }
            let pairs = zip(profile.levels ?? [], profile.levelCounts ?? []).filter { $0.1 > 0 }
            let domain = pairs.prefix(4).map { "\($0.0) \($0.1)" }.joined(separator: ", ") + (pairs.count > 4 ? ", … (\(pairs.count))" : "")
            return [profile.name, profile.kind.rawValue, complete, domain, "", distribution.text]
        }
        return Table(columns: [.init("column"), .init("type"), .init("complete", .right), .init("range or categories"),
                               .init("5% / 50% / 95%"), .init("distribution")], rows: rows, charts: [5: distributions])
    }

    static func histogram(_ sketch: ValueSketch, bins: Int) -> [Int] {
        guard let low = sketch.values.first, let high = sketch.values.last, high > low else { return [sketch.total] }
        var counts = [Int](repeating: 0, count: bins)
        for (value, count) in zip(sketch.values, sketch.counts) {
            counts[min(bins - 1, Int((value - low) / (high - low) * Double(bins)))] += count
        }
        return counts
    }

    /// The report of one batch as one table, then the dataset-level verdicts.
    static func render(_ observed: ObservedBatch, batchLabel: String, context: CommandContext) {
        let report = observed.report
        var problems: [String: [String]] = [:]
        for violation in report.violations { problems[violation.feature, default: []].append("\(violation.check.rawValue): \(violation.detail)") }
        var rows: [[String]] = []
        for feature in report.features + [report.prediction].compactMap({ $0 }) {
            rows.append(row(feature, quality: problems.removeValue(forKey: feature.name)?.joined(separator: "; ") ?? "ok"))
        }
        for violation in report.violations where problems[violation.feature] != nil {
            rows.append([violation.feature, "\(violation.check.rawValue): \(violation.detail)", "", "", "", "", "", ""])
            problems[violation.feature] = nil
        }
        context.emit(.table(Table(columns: [.init("feature"), .init("data quality"), .init("drift test"), .init("statistic", .right),
                                            .init("p-value", .right), .init("threshold", .right), .init("drift"), .init("why")],
                                  rows: rows)))
        let drifted = report.driftedFeatures
        let verdict = report.driftDetected ? "dataset drift detected" : "no dataset drift"
        context.say("drift: \(drifted.count) of \(Formatting.count(report.comparedFeatures, "feature")) drifted "
                    + "(share \(Formatting.metric(report.driftShare)) \(report.driftDetected ? "≥" : "<") \(BatchReport.datasetDriftShare)): \(verdict)"
                    + (drifted.isEmpty ? "" : " — " + drifted.joined(separator: ", ")))
        context.say("data quality: " + (report.violations.isEmpty ? "no violations"
                    : Formatting.count(report.violations.count, "violation") + " ("
                        + Dictionary(grouping: report.violations, by: \.check.rawValue).sorted { $0.key < $1.key }
                            .map { "\($0.value.count) \($0.key)" }.joined(separator: ", ") + ")"))
        if !report.predicted {
            context.say("quality: the model cannot predict this batch (\(report.unpredictableReason ?? "see the violations above")), so no model quality")
        } else if report.metrics.isEmpty {
            context.say("quality: the batch has no target \(observed.target), so no model quality")
        } else {
            let shown = report.metrics.sorted { $0.key < $1.key }.map { "\($0.key) \(Formatting.metric($0.value))" }
            context.say("quality on \(batchLabel): " + shown.joined(separator: ", "))
        }
        if let detector = observed.detectorNotRun {
            let reason = report.unpredictableReason ?? "see the violations above"
            context.say("\(detector.displayName) did not run: it reads the model's errors, and the model cannot predict this batch (\(reason))")
        }
        if let detector = observed.detector {
            let found = detector.inBatch
            let stream = "\(detector.detector.displayName) over the error stream (\(Formatting.count(detector.streamLength, "error")), this batch from position \(detector.offset))"
            context.say(found.isEmpty
                ? "\(stream): no concept drift"
                : "\(stream): concept drift at position \(found.map(String.init).joined(separator: ", ")) (row \(found.map { String($0 - detector.offset + 1) }.joined(separator: ", ")) of this batch)")
        }
    }

    private static func row(_ feature: BatchReport.FeatureResult, quality: String) -> [String] {
        guard let drift = feature.drift else {
            return [feature.name, quality, "-", "", "", "", "-", feature.skipped ?? ""]
        }
        let threshold = drift.method.isTest ? "p < \(Formatting.statistic(drift.threshold))" : "≥ \(Formatting.statistic(drift.threshold))"
        let verdict = drift.drifted ? (drift.major ? "major" : "yes") : "no"
        return [feature.name, quality, drift.method.displayName, Formatting.statistic(drift.statistic),
                drift.pValue.map(Formatting.statistic) ?? "", threshold, verdict, drift.reason]
    }
}
