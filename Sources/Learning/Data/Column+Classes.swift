extension Column {
    /// The column's numbers as class labels (`formatNumber`'s text, levels sorted by their UTF-8 bytes, missing kept
    /// missing); a categorical column as it is.
    public var asClasses: Column {
        guard case .numeric(let values) = storage else { return self }
        let labels = values.map { $0.isNaN ? nil : formatNumber($0) }
        let levels = Set(labels.compactMap { $0 }).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
        return .categorical(name, codes: labels.map { $0.map { code[$0]! } ?? -1 }, levels: levels)
    }

    /// Whether the column holds exactly two distinct whole numbers (`0`/`1`, `1`/`2`, `-1`/`1`): as a target, a
    /// binary class label rather than a quantity.
    public var isBinaryWholeNumbers: Bool {
        guard case .numeric(let values) = storage else { return false }
        var seen: Set<Double> = []
        for value in values where !value.isNaN {
            guard value == value.rounded(), abs(value) < 1e15 else { return false }
            seen.insert(value)
            if seen.count > 2 { return false }
        }
        return seen.count == 2
    }
}

extension DataFrame {
    /// The frame with a target of two whole numbers read as two classes, so that it is learnt by classification.
    public var withBinaryTargetAsClasses: DataFrame {
        guard let target = targetColumn, target.isBinaryWholeNumbers,
              let index = columns.firstIndex(where: { $0.name == target.name }) else { return self }
        var frame = self
        frame.columns[index] = target.asClasses
        return frame
    }
}
