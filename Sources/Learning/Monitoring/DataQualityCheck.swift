import Foundation

/// The data-quality constraints a baseline sets, checked on a batch.
///
/// - every feature is present, with the baseline's type (numbers, or categories: boolean and categorical
///   columns count as one type);
/// - completeness is no more than `completenessTolerance` below the baseline's;
/// - no category outside the baseline's domain;
/// - no number beyond the baseline's range widened by `rangeMargin` of its width on each side;
/// - no column that is neither a feature nor the target.
public enum DataQualityCheck {
    public static let completenessTolerance = 0.01
    public static let rangeMargin = 0.1

    public static func violations(baseline: MonitorBaseline, batch: DataFrame) -> [QualityViolation] {
        var found: [QualityViolation] = []
        let features = Set(baseline.features.map(\.name))
        for profile in baseline.features {
            guard let column = batch.column(named: profile.name) else {
                found.append(QualityViolation(feature: profile.name, check: .missingColumn,
                                              detail: "the model needs it; the batch has no such column"))
                continue
            }
            found += violations(of: column, against: profile)
        }
        for column in batch.columns where !features.contains(column.name) && column.name != baseline.target {
            found.append(QualityViolation(feature: column.name, check: .extraColumn,
                                          detail: "not a feature of the model (it ignores the column)"))
        }
        return found
    }

    static func violations(of column: Column, against profile: FeatureProfile) -> [QualityViolation] {
        let isNumeric = column.kind == .numeric, wasNumeric = profile.kind == .numeric
        guard isNumeric == wasNumeric else {
            return [QualityViolation(feature: profile.name, check: .wrongType,
                                     detail: "\(column.kind.rawValue) in the batch, \(profile.kind.rawValue) in the baseline")]
        }
        var found: [QualityViolation] = []
        let rows = column.count, missing = column.missingCount
        let completeness = rows == 0 ? 1 : Double(rows - missing) / Double(rows)
        if completeness < profile.completeness - completenessTolerance {
            found.append(QualityViolation(feature: profile.name, check: .completeness,
                                          detail: "\(percent(completeness)) present (\(missing) of \(rows) missing); baseline \(percent(profile.completeness))"))
        }
        switch column.storage {
        case .numeric(let values):
            guard let numbers = profile.numbers else { break }
            let margin = (numbers.max - numbers.min) * rangeMargin
            let low = numbers.min - margin, high = numbers.max + margin
            var below = 0, above = 0
            for value in values where value.isFinite {
                if value < low { below += 1 } else if value > high { above += 1 }
            }
            if below + above > 0 {
                let present = rows - missing
                found.append(QualityViolation(
                    feature: profile.name, check: .outOfRange,
                    detail: "\(below + above) of \(present) values (\(percent(Double(below + above) / Double(present)))) outside "
                        + "\(formatNumber(numbers.min)) … \(formatNumber(numbers.max)) ±10 %"))
            }
        case .categorical(let codes, let levels):
            let known = Set(zip(profile.levels ?? [], profile.levelCounts ?? []).filter { $0.1 > 0 }.map(\.0))
            var counts = [Int](repeating: 0, count: levels.count)
            for code in codes where code >= 0 { counts[Int(code)] += 1 }
            let unseen = levels.indices.filter { counts[$0] > 0 && !known.contains(levels[$0]) }
            if !unseen.isEmpty {
                let total = unseen.reduce(0) { $0 + counts[$1] }
                let named = unseen.prefix(3).map { "\(levels[$0]) (\(counts[$0]))" }.joined(separator: ", ")
                    + (unseen.count > 3 ? ", …" : "")
                found.append(QualityViolation(
                    feature: profile.name, check: .unseenCategory,
                    detail: "\(unseen.count) new \(unseen.count == 1 ? "category" : "categories") in \(total) rows: \(named)"))
            }
        }
        return found
    }

    /// `37 %`, or `37.5 %` when the share is not a whole percent.
    public static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value)) %" : String(format: "%.1f %%", value)
    }
}
