import Learning

/// What callers of a registered model rely on: its task, target and feature columns. A new version of a name must keep
/// the task and target and need no column the earlier version did not, or clients built for it break; it may need fewer
/// (a request's extra columns are ignored).
struct RegisteredSchema: Equatable {
    var isClassification: Bool
    var target: String
    var features: [String]

    init(_ model: TrainedModel) {
        isClassification = model.task.isClassification
        target = model.target
        features = model.featureNames
    }

    /// How `new` would break this schema's callers, one phrase per difference; empty when they see none.
    /// Feature order does not matter: requests name their columns.
    func breakingChanges(in new: RegisteredSchema) -> [String] {
        var found: [String] = []
        if new.isClassification != isClassification {
            found.append("task \(Self.task(new.isClassification)), not \(Self.task(isClassification))")
        }
        if new.target != target { found.append("target `\(new.target)`, not `\(target)`") }
        let extra = new.features.filter { !features.contains($0) }
        if !extra.isEmpty {
            found.append("it needs feature column\(extra.count == 1 ? "" : "s") " + extra.map { "`\($0)`" }.joined(separator: ", ")
                         + " that callers do not send")
        }
        return found
    }

    private static func task(_ isClassification: Bool) -> String { isClassification ? "classification" : "regression" }
}
