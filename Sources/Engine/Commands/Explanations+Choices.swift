import Learning

/// The reasons commands give for the choices they make on their own, in plain words.
extension Explanations {
    /// How `load` read each column's type, and what the target makes of the task.
    static func columnTypes(of frame: DataFrame) -> [String] {
        func names(_ kind: ColumnKind) -> [String] { frame.columns.filter { $0.kind == kind }.map(\.name) }
        func listed(_ names: [String]) -> String { names.prefix(6).joined(separator: ", ") + (names.count > 6 ? ", …" : "") }
        var reasons = ["a column is numeric when every value in it reads as a number, boolean when its values are one pair of "
                       + "true/false, yes/no, t/f or y/n, and categorical otherwise; an empty field is a missing value"]
        let numeric = names(.numeric), boolean = names(.boolean), categorical = names(.categorical)
        if !numeric.isEmpty { reasons.append("numeric: " + listed(numeric)) }
        if !boolean.isEmpty { reasons.append("boolean: " + listed(boolean)) }
        if !categorical.isEmpty { reasons.append("categorical: " + listed(categorical)) }
        if let target = frame.targetColumn {
            reasons.append(target.kind == .numeric ? "the target \(target.name) is numeric, so models of it do regression"
                           : "the target \(target.name) is \(target.kind.rawValue), so models of it classify")
        }
        return reasons
    }

    /// Which drift test each feature got, and what makes the batch as a whole drifted.
    static func drift(_ report: BatchReport, chosen: Bool) -> [String] {
        var byMethod: [(DriftMethod, [String], String)] = []
        for feature in report.features {
            guard let drift = feature.drift else { continue }
            if let index = byMethod.firstIndex(where: { $0.0 == drift.method }) {
                byMethod[index].1.append(feature.name)
            } else {
                byMethod.append((drift.method, [feature.name], drift.reason))
            }
        }
        var reasons = [chosen ? "method= chose one drift method for every feature"
                       : "each feature's drift method follows Evidently's default rule: with a baseline of 1000 rows or fewer, KS for a numeric "
                         + "feature with more than 5 distinct values, chi-square or a Z-test for the others (drift when p < 0.05); with more rows, "
                         + "the normalised Wasserstein distance or the Jensen–Shannon distance (drift when the score ≥ 0.1), because with "
                         + "many rows every test finds some tiny, harmless difference significant"]
        for (method, names, example) in byMethod {
            let why = example.hasPrefix(method.displayName + ": ") ? String(example.dropFirst(method.displayName.count + 2)) : example
            reasons.append("\(method.displayName) for \(names.prefix(6).joined(separator: ", "))\(names.count > 6 ? ", …" : "") (\(names[0]): \(why))")
        }
        reasons.append("the batch counts as drifted when at least \(Formatting.percent(BatchReport.datasetDriftShare)) of the compared features drift "
                       + "(here \(report.driftedFeatures.count) of \(report.comparedFeatures)); that is data drift, in the inputs — "
                       + "concept drift, a change in what the right answer is, shows only in the model's errors (detector=, or quality with the target)")
        return reasons
    }

    /// Where a seed came from when the command was given none.
    static func seed(_ seed: UInt64, given: Bool) -> String? {
        given ? nil : "seed \(seed) is the session's seed, used because the command named none (seed=N or `set seed=N` changes it)"
    }

    /// How a model turns its training data into numbers, and which task it learned.
    static func preprocessing(of model: TrainedModel, on frame: DataFrame) -> [String] {
        var reasons: [String] = []
        switch model.task {
        case .classification(let classes):
            reasons.append("\(model.target) is categorical, so this is classification into \(classes.count) classes (\(classes.prefix(5).joined(separator: ", "))\(classes.count > 5 ? ", …" : ""))")
        case .regression:
            reasons.append("\(model.target) is numeric, so this is regression")
        }
        guard model.algorithm != .baseline else {
            reasons.append("the baseline ignores the features: it predicts the most frequent class, or the mean")
            return reasons
        }
        let features = model.preprocessor.features
        let numeric = features.filter { if case .numeric = $0 { true } else { false } }.count
        let categorical = features.compactMap { encoding -> String? in
            if case .categorical(let name, let levels, _) = encoding { return "\(name) (\(levels.count) levels)" }
            return nil
        }
        let scaling: String = switch model.algorithm {
        case .logistic: "centred and scaled to unit variance on the training rows, so that the penalty C weighs every coefficient alike"
        case .knn: "centred and scaled to unit variance on the training rows, so that no feature dominates the distances"
        case .tree, .forest, .boost: "used as they are: trees split on thresholds, which scaling does not change"
        case .linear: "used as they are: least squares predicts the same at any scale"
        case .bayes: "used as they are: naive Bayes fits each feature's own mean and variance"
        case .baseline: "ignored"
        }
        if numeric > 0 { reasons.append("\(numeric) numeric feature\(numeric == 1 ? " is" : "s are") " + scaling) }
        if !categorical.isEmpty {
            reasons.append("\(categorical.count) categorical feature\(categorical.count == 1 ? " is" : "s are") one-hot encoded, one 0/1 column per level seen in training "
                           + "(a level never seen later gives all zeros): " + categorical.joined(separator: ", "))
        }
        let missing = frame.columns.filter { column in column.name != model.target && model.featureNames.contains(column.name) && column.missingCount > 0 }
        if !missing.isEmpty {
            reasons.append("missing values are filled from the training rows, the median of a numeric column and the most frequent level of a categorical one: "
                           + missing.map { "\($0.name) (\($0.missingCount) missing)" }.joined(separator: ", "))
        }
        return reasons
    }

    /// Why a split or a cross-validation kept (or did not keep) the class shares in each part.
    static func stratification(_ stratified: Bool, frame: DataFrame, what: String) -> String {
        guard let target = frame.target else { return "\(what) is not stratified: the data has no target" }
        return stratified
            ? "\(what) is stratified by \(target) because it is categorical: each part keeps the class shares of the whole"
            : "\(what) is not stratified: \(target) is numeric (regression), so rows are drawn at random"
    }
}
