/// The errors of cross-validation, significance tests and importance.
extension LearningError {
    static func tooFewFolds(_ folds: Int) -> LearningError {
        LearningError("cross-validation needs at least 2 folds, got \(folds)")
    }

    static func tooManyFolds(_ folds: Int, rows: Int) -> LearningError {
        LearningError("cannot make \(folds) folds from \(rows) rows with a target; expected `folds` of at most \(rows)")
    }

    static func classTooSmallForFolds(_ folds: Int, label: String, count: Int, target: String) -> LearningError {
        let fix = count >= 2 ? "expected `folds` of at most \(count)"
            : "stratified folds need at least 2 rows of every class, so leave that class out (filter) or merge it"
        return LearningError("cannot make \(folds) stratified folds: class `\(label)` of `\(target)` has only \(count) "
            + "row\(count == 1 ? "" : "s"); " + fix)
    }

    static func assignmentLength(_ count: Int, rows: Int) -> LearningError {
        LearningError("the fold assignment has \(count) entries for \(rows) rows")
    }

    static func assignmentFold(_ fold: Int, row: Int, folds: Int) -> LearningError {
        LearningError("row \(row) is assigned to fold \(fold); expected 0..<\(folds)")
    }

    static func emptyFold(_ fold: Int) -> LearningError {
        LearningError("fold \(fold) has no rows with a target")
    }

    static func inFold(_ fold: Int, _ error: LearningError) -> LearningError {
        LearningError("fold \(fold + 1): \(error.message)")
    }

    static func foldCountsDiffer(_ a: Int, _ b: Int) -> LearningError {
        LearningError("the two models have scores on \(a) and \(b) folds; they must be tested on the same folds")
    }

    static func tooFewFoldsToTest(_ count: Int) -> LearningError {
        LearningError("a resampled t-test needs scores on at least 2 folds, got \(count)")
    }

    static var nonFiniteScores: LearningError {
        LearningError("a fold score is not a finite number")
    }

    static func badFoldSizes(test: Double, train: Double) -> LearningError {
        LearningError("fold sizes must be positive, got \(formatNumber(test)) test and \(formatNumber(train)) training rows")
    }

    static var differentFolds: LearningError {
        LearningError("the two cross-validations used different folds; run both on the same data with the same seed and fold count")
    }

    static func metricMissingInFolds(_ metric: String) -> LearningError {
        LearningError("metric `\(metric)` is not available on every fold")
    }

    static func unknownMetric(_ metric: String, available: [String]) -> LearningError {
        LearningError("unknown metric `\(metric)` for this model; metrics: " + available.joined(separator: ", "))
    }

    static func badRepeats(_ repeats: Int) -> LearningError {
        LearningError("permutation importance needs at least 1 repeat, got \(repeats)")
    }

    static func differentTargets(_ a: String, _ b: String) -> LearningError {
        LearningError("the two models predict different targets, `\(a)` and `\(b)`")
    }
}
