/// Cross-validates `algorithm` on `frame`: deals the rows with a target value into
/// `folds` folds, then for each fold trains on the other folds and evaluates on it.
///
/// Folds are stratified by the target for classification (every fold keeps the class
/// proportions as nearly as counts allow) and plain for regression, dealt by
/// `Splitter.kFold` with `seed`; every fold's model is trained with `seed` too, so the
/// same inputs give the same result. Folds run on all cores; results are in fold order.
///
/// ```swift
/// let cv = try crossValidate(.logistic, on: iris, parameters: ["C": .double(1)], folds: 5, seed: 42)
/// print(cv.mean("accuracy")!, cv.standardDeviation("accuracy")!)
/// ```
///
/// - Parameter assignment: the fold (0..<folds) of every row of `frame`, to use given
///   folds (scikit-learn's, say) instead of dealing them; rows without a target are
///   skipped whatever their entry.
/// - Throws: `LearningError` for invalid parameters or target (as `train`), fewer than 2
///   folds, more folds than rows with a target or (stratified) than rows in the smallest
///   class, a bad `assignment`, or a fold whose training fails (naming the fold).
public func crossValidate(_ algorithm: Algorithm, on frame: DataFrame, parameters: [String: ParameterValue],
                          folds: Int, seed: UInt64, assignment: [Int]? = nil,
                          progress: TrainingProgress? = nil) throws(LearningError) -> CrossValidation {
    guard folds >= 2 else { throw .tooFewFolds(folds) }
    let rows = try TargetRows(frame)
    let resolved = try algorithm.resolve(parameters, regression: rows.classes == nil)
    guard folds <= rows.kept.count else { throw .tooManyFolds(folds, rows: rows.kept.count) }

    var foldOf = [Int](repeating: -1, count: frame.rowCount)
    if let assignment {
        guard assignment.count == frame.rowCount else { throw .assignmentLength(assignment.count, rows: frame.rowCount) }
        for row in rows.kept {
            guard (0..<folds).contains(assignment[row]) else { throw .assignmentFold(assignment[row], row: row, folds: folds) }
            foldOf[row] = assignment[row]
        }
    } else {
        if let smallest = rows.smallestClass, smallest.count < folds {
            throw .classTooSmallForFolds(folds, label: smallest.label, count: smallest.count, target: rows.target)
        }
        let parts = try Splitter.kFold(rowCount: rows.kept.count, folds: folds, seed: seed, stratifyBy: rows.classes)
        for (fold, part) in parts.enumerated() {
            for index in part { foldOf[rows.kept[index]] = fold }
        }
    }
    var testRows = [[Int]](repeating: [], count: folds)
    for row in rows.kept { testRows[foldOf[row]].append(row) }
    if let empty = testRows.firstIndex(where: \.isEmpty) { throw .emptyFold(empty) }

    let counter = ProgressCounter(total: folds, report: progress)
    let results = Parallel.map(folds) { fold -> Result<MetricSet, LearningError> in
        defer { counter.step() }
        do throws(LearningError) {
            let trainRows = rows.kept.filter { foldOf[$0] != fold }
            let model = try train(algorithm, on: frame.selecting(rows: trainRows), parameters: resolved, seed: seed)
            return .success(try evaluate(model, on: frame.selecting(rows: testRows[fold])))
        } catch {
            return .failure(.inFold(fold, error))
        }
    }
    var metrics: [MetricSet] = []
    for result in results {
        switch result {
        case .success(let set): metrics.append(set)
        case .failure(let error): throw error
        }
    }
    return CrossValidation(algorithm: algorithm, parameters: resolved, seed: seed, folds: metrics,
                           testSizes: testRows.map(\.count), assignment: foldOf)
}

/// The rows of a frame that have a target value, with their classes for stratifying.
private struct TargetRows {
    let target: String
    /// Row indices with a target value, ascending.
    let kept: [Int]
    /// Classification: the class code of each kept row; `nil` for regression.
    let classes: [Int32]?
    /// Classification: the least frequent class present.
    let smallestClass: (label: String, count: Int)?

    init(_ frame: DataFrame) throws(LearningError) {
        guard let target = frame.target else { throw .noTarget }
        guard let column = frame.column(named: target) else { throw .targetNotFound(target) }
        self.target = target
        switch column.storage {
        case .numeric(let values):
            kept = values.indices.filter { !values[$0].isNaN }
            classes = nil
            smallestClass = nil
        case .categorical(let codes, let levels):
            kept = codes.indices.filter { codes[$0] >= 0 }
            let classes = kept.map { codes[$0] }
            var counts = [Int](repeating: 0, count: levels.count)
            for code in classes { counts[Int(code)] += 1 }
            self.classes = classes
            smallestClass = counts.indices.filter { counts[$0] > 0 }
                .min { (counts[$0], levels[$0]) < (counts[$1], levels[$1]) }
                .map { (levels[$0], counts[$0]) }
        }
        if kept.isEmpty { throw .noTargetValues(target) }
    }
}
