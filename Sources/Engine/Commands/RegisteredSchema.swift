import Learning

/// What callers of a registered model rely on: its task, target and feature columns. A new version of a name must keep
/// them, or clients built for the earlier versions break.
struct RegisteredSchema: Equatable {
    var isClassification: Bool
    var target: String
    var features: [String]

    init(_ model: TrainedModel) {
        isClassification = model.task.isClassification
        target = model.target
        features = model.featureNames
    }

    /// How `new` differs from this schema, one phrase per difference; empty when callers see no difference.
    /// Feature order does not matter: requests name their columns.
    func differences(from new: RegisteredSchema) -> [String] {
        var found: [String] = []
        if new.isClassification != isClassification {
            found.append("task \(Self.task(new.isClassification)), not \(Self.task(isClassification))")
        }
        if new.target != target { found.append("target `\(new.target)`, not `\(target)`") }
        let missing = features.filter { !new.features.contains($0) }
        let extra = new.features.filter { !features.contains($0) }
        if !missing.isEmpty { found.append("missing feature column\(missing.count == 1 ? "" : "s") " + missing.map { "`\($0)`" }.joined(separator: ", ")) }
        if !extra.isEmpty { found.append("extra feature column\(extra.count == 1 ? "" : "s") " + extra.map { "`\($0)`" }.joined(separator: ", ")) }
        return found
    }

    private static func task(_ isClassification: Bool) -> String { isClassification ? "classification" : "regression" }
}
