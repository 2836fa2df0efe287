/// The permutation importance of each of `model`'s features on `frame` (scikit-learn's
/// `permutation_importance`): the metric of the model on `frame` as is, minus its value
/// after shuffling that feature's column, `repeats` times per feature.
///
/// Drops are signed so that larger always means "the model got worse": for `rmse`, `mae`
/// and `log_loss` the increase. Rows without a target value are left out first. Each
/// feature's shuffles come from its own generator, seeded from `seed` in feature order,
/// so the result depends on `seed` alone, not on the number of cores; features are
/// scored in parallel.
///
/// ```swift
/// let ranked = try permutationImportance(model, on: test, metric: "accuracy", seed: 1)
/// ranked.first?.feature   // the feature the model leans on most
/// ```
///
/// - Returns: one entry per feature, by `mean` descending (ties in training order).
/// - Throws: `LearningError` when `metric` is not one the model's evaluation gives (the
///   message lists those), `repeats` < 1, or as `evaluate` does.
public func permutationImportance(_ model: TrainedModel, on frame: DataFrame, metric: String, repeats: Int = 5,
                                  seed: UInt64) throws(LearningError) -> [FeatureImportance] {
    guard repeats >= 1 else { throw .badRepeats(repeats) }
    let rows = try rowsWithTarget(frame, target: model.target)
    let baseline = try evaluate(model, on: rows)
    guard let base = baseline[metric] else { throw .unknownMetric(metric, available: baseline.names) }
    let sign = MetricSet.isLowerBetter(metric) ? -1.0 : 1.0

    var seeds = SeededGenerator(seed: seed)
    let featureSeeds = model.featureNames.map { _ in seeds.next() }
    let results = Parallel.map(model.featureNames.count) { index -> Result<FeatureImportance, LearningError> in
        let name = model.featureNames[index]
        guard let position = rows.columns.firstIndex(where: { $0.name == name }) else {
            return .failure(.missingFeatures([name]))
        }
        var generator = SeededGenerator(seed: featureSeeds[index])
        var shuffled = rows
        var drops: [Double] = []
        for _ in 0..<repeats {
            shuffled.columns[position] = rows.columns[position].selecting(generator.permutation(rows.rowCount))
            do throws(LearningError) {
                let score = try evaluate(model, on: shuffled)[metric] ?? .nan
                drops.append(sign * (base - score))
            } catch {
                return .failure(error)
            }
        }
        return .success(FeatureImportance(feature: name, drops: drops))
    }
    var importances: [(Int, FeatureImportance)] = []
    for (index, result) in results.enumerated() {
        switch result {
        case .success(let importance): importances.append((index, importance))
        case .failure(let error): throw error
        }
    }
    return importances.sorted { ($0.1.mean, $1.0) > ($1.1.mean, $0.0) }.map(\.1)
}

/// `frame` without the rows whose `target` is missing (unchanged when there are none).
private func rowsWithTarget(_ frame: DataFrame, target: String) throws(LearningError) -> DataFrame {
    guard let column = frame.column(named: target) else { throw .evaluationTargetMissing(target) }
    let kept: [Int]
    switch column.storage {
    case .numeric(let values): kept = values.indices.filter { !values[$0].isNaN }
    case .categorical(let codes, _): kept = codes.indices.filter { codes[$0] >= 0 }
    }
    return kept.count == frame.rowCount ? frame : frame.selecting(rows: kept)
}
