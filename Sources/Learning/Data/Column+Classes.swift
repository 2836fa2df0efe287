extension Column {
    /// The column's numbers as class labels (`formatNumber`'s text, levels sorted by their UTF-8 bytes, missing kept
    /// missing); a categorical column as it is.
    public var asClasses: Column {
        guard case .numeric(let values) = storage else { return self }
        return .text(name, values.map { $0.isNaN ? nil : formatNumber($0) })
    }

    /// A column of texts (nil: missing), typed as a CSV text column is: boolean for one spelling of a true/false
    /// pair, else categorical with levels sorted by their UTF-8 bytes.
    static func text(_ name: String, _ texts: [String?]) -> Column {
        var levels = Set(texts.compactMap { $0 }).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var kind = ColumnKind.categorical
        var code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
        if let boolean = BooleanSpelling.levels(for: levels) {
            kind = .boolean
            code = Dictionary(uniqueKeysWithValues: levels.map { ($0, Int32(boolean.firstIndex(of: $0)!)) })
            levels = boolean
        }
        return .categorical(name, codes: texts.map { $0.map { code[$0]! } ?? -1 }, levels: levels, kind: kind)
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
