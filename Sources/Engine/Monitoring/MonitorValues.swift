import Learning

/// The paths an `observe` (or `drift`) makes readable for `print`, `assert` and `alert`:
/// `NAME.drift.share`, `NAME.drift.detected`, `NAME.drift.FEATURE.score|pvalue|method|detected`,
/// `NAME.quality.METRIC`, `NAME.violations`, `NAME.violations.FEATURE` (the check it broke, e.g. `missing column`),
/// `NAME.batch`, and with a detector `NAME.detector.detected`
/// and `NAME.detector.position` (the first position in the batch, in the whole error stream).
enum MonitorValues {
    static let roots = ["drift", "quality", "violations", "batch", "detector"]

    static func set(_ observed: ObservedBatch, model: String, batch: Int, in session: Session) {
        for key in session.values.keys where roots.contains(where: { key.hasPrefix("\(model).\($0)") }) {
            session.values[key] = nil
        }
        let report = observed.report
        var values: [String: SessionValue] = [
            "drift.share": .metric(report.driftShare),
            "drift.detected": .flag(report.driftDetected),
            "violations": .count(report.violations.count),
            "batch": .count(batch),
        ]
        for violation in report.violations { values["violations.\(violation.feature)"] = .text(violation.check.rawValue) }
        for feature in report.features + [report.prediction].compactMap({ $0 }) {
            guard let drift = feature.drift else { continue }
            values["drift.\(feature.name).score"] = .figure(drift.statistic)
            if let p = drift.pValue { values["drift.\(feature.name).pvalue"] = .figure(p) }
            values["drift.\(feature.name).method"] = .text(drift.method.rawValue)
            values["drift.\(feature.name).detected"] = .flag(drift.drifted)
        }
        for (metric, value) in report.metrics { values["quality.\(metric)"] = .metric(value) }
        if let detector = observed.detector {
            values["detector.detected"] = .flag(!detector.inBatch.isEmpty)
            if let first = detector.inBatch.first { values["detector.position"] = .count(first) }
        }
        for (key, value) in values { session.values["\(model).\(key)"] = value }
    }
}
