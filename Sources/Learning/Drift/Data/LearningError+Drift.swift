/// The errors of the data-drift comparisons.
extension LearningError {
    static func driftKindsDiffer(_ column: String, reference: ColumnKind, current: ColumnKind) -> LearningError {
        LearningError("column `\(column)` is \(reference.rawValue) in the reference data but \(current.rawValue) "
            + "in the current data; drift needs the same kind in both")
    }

    static func driftNoValues(_ column: String, reference: Bool) -> LearningError {
        LearningError("column `\(column)` has no non-missing value in the \(reference ? "reference" : "current") data")
    }

    static func driftMethodNotApplicable(_ column: String, method: DriftMethod, detail: String) -> LearningError {
        LearningError("\(method.displayName) does not apply to column `\(column)`: \(detail)")
    }
}
