import Dispatch

/// Turns feature columns into a `DesignMatrix` exactly as learnt from the training data,
/// and is stored inside every model so prediction repeats it.
///
/// Numeric columns: median imputation, then (when fitted with `standardize`) centring
/// and scaling by the training mean and population standard deviation (a constant column
/// keeps scale 1). Categorical and boolean columns: most-frequent imputation, then one-hot
/// over the levels seen in training; a level never seen gives all zeros
/// (scikit-learn's `handle_unknown='ignore'`). Columns are matched by name and levels by
/// text, never by position or code.
public struct Preprocessor: Sendable, Codable, Equatable {
    public let features: [FeatureEncoding]

    public init(features: [FeatureEncoding]) {
        self.features = features
    }

    /// Learns the encoding of every column in `columns` (columns in parallel).
    public static func fit(_ columns: [Column], standardize: Bool) -> Preprocessor {
        guard columns.count > 1, columns[0].count >= 10_000 else {
            return Preprocessor(features: columns.map { FeatureEncoding.fit($0, standardize: standardize) })
        }
        let results = ResultSlots<FeatureEncoding>(count: columns.count)
        DispatchQueue.concurrentPerform(iterations: columns.count) { index in
            results.set(index, FeatureEncoding.fit(columns[index], standardize: standardize))
        }
        return Preprocessor(features: results.values)
    }

    /// The names of the input feature columns, in order.
    public var featureNames: [String] { features.map(\.name) }

    /// The names of the design-matrix columns (`age`, `sex=male`, ...).
    public var outputNames: [String] { features.flatMap(\.outputNames) }

    /// The number of design-matrix columns.
    public var outputWidth: Int { features.reduce(0) { $0 + $1.width } }

    /// The design matrix of `frame`. Extra columns are ignored.
    ///
    /// - Throws: `LearningError` naming feature columns `frame` lacks, or a feature whose
    ///   kind (numeric or categorical) differs from training.
    public func transform(_ frame: DataFrame) throws(LearningError) -> DesignMatrix {
        if frame.columns.count == features.count, zip(frame.columns, features).allSatisfy({ $0.name == $1.name }) {
            return try transform(columns: frame.columns, rowCount: frame.rowCount)  // already in order (a served request's)
        }
        var byName: [String: Column] = [:]
        for column in frame.columns where byName[column.name] == nil { byName[column.name] = column }
        let missing = features.map(\.name).filter { byName[$0] == nil }
        if !missing.isEmpty { throw .missingFeatures(missing) }
        return try transform(columns: features.map { byName[$0.name]! }, rowCount: frame.rowCount)
    }

    /// The design matrix of `columns`, given in the order of `features`.
    func transform(columns: [Column], rowCount: Int) throws(LearningError) -> DesignMatrix {
        let width = outputWidth
        var matrix = DesignMatrix(rowCount: rowCount, columnCount: width)
        var offset = 0
        for (encoding, column) in zip(features, columns) {
            try write(column, encoding, into: &matrix, at: offset)
            offset += encoding.width
        }
        return matrix
    }

    private func write(_ column: Column, _ encoding: FeatureEncoding, into matrix: inout DesignMatrix,
                       at offset: Int) throws(LearningError) {
        let width = matrix.columnCount
        let rows = matrix.rowCount
        switch (encoding, column.storage) {
        case (.numeric(_, let median, let mean, let scale), .numeric(let values)):
            let inverse = 1 / scale
            values.withUnsafeBufferPointer { source in
                matrix.values.withUnsafeMutableBufferPointer { target in
                    for row in 0..<rows {
                        let value = source[row]
                        target[row * width + offset] = ((value.isNaN ? median : value) - mean) * inverse
                    }
                }
            }
        case (.categorical(_, let levels, let fill), .categorical(let codes, let columnLevels)):
            Self.oneHot(codes: codes, columnLevels: columnLevels, levels: levels, fill: fill, into: &matrix, offset: offset)
        case (.categorical(_, let levels, let fill), .numeric):
            // Categories that all look like numbers in this file (codes such as 12): read as their text.
            guard case .categorical(let codes, let columnLevels) = column.asClasses.storage else { return }
            Self.oneHot(codes: codes, columnLevels: columnLevels, levels: levels, fill: fill, into: &matrix, offset: offset)
        case (.numeric, .categorical):
            throw .featureKind(encoding.name, trained: "numeric", found: column.kind)
        }
    }

    /// Sets the one-hot slots of a categorical column: each code's level by text among the
    /// training `levels`, a missing code the `fill` level, an unseen level no slot.
    private static func oneHot(codes: [Int32], columnLevels: [String], levels: [String], fill: String?,
                               into matrix: inout DesignMatrix, offset: Int) {
        let rows = matrix.rowCount, width = matrix.columnCount
        var position: [String: Int] = [:]
        for (index, level) in levels.enumerated() { position[level] = index }
        let slots = columnLevels.map { position[$0] ?? -1 }
        let fillSlot = fill.flatMap { position[$0] } ?? -1
        codes.withUnsafeBufferPointer { source in
            matrix.values.withUnsafeMutableBufferPointer { target in
                for row in 0..<rows {
                    let code = Int(source[row])
                    let slot = code < 0 ? fillSlot : slots[code]
                    if slot >= 0 { target[row * width + offset + slot] = 1 }
                }
            }
        }
    }
}
