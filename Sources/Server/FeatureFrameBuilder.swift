import Learning

/// Builds the data frame a model predicts on from request rows: numeric features as finite numbers, categorical
/// features as text; in either, null or a missing-value spelling of `load` (empty, NA, N/A, NaN, null, ?) is missing.
enum FeatureFrameBuilder {
    static func frame(from table: InputTable, for model: TrainedModel) throws(ServingError) -> DataFrame {
        guard table.rowCount > 0 else { throw .badRequest("no rows to score") }
        let features = model.preprocessor.features
        let missing = features.map(\.name).filter { table.columns[$0] == nil }
        if !missing.isEmpty {
            throw .badRequest("missing feature column\(missing.count == 1 ? "" : "s") \(missing.map { "`\($0)`" }.joined(separator: ", ")); "
                              + "the model expects \(model.featureNames.joined(separator: ", "))")
        }
        var columns: [Column] = []
        for feature in features {
            let values = table.columns[feature.name]!
            switch feature {
            case .numeric(let name, _, _, _):
                columns.append(.numeric(name, try numbers(values, column: name, rowName: table.rowName)))
            case .categorical(let name, let levels, _):
                columns.append(try categories(values, column: name, levels: levels, rowName: table.rowName))
            }
        }
        return DataFrame(columns: columns)
    }

    private static func numbers(_ values: [JSONValue], column: String,
                                rowName: (Int) -> String) throws(ServingError) -> [Double] {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        for (row, value) in values.enumerated() {
            switch value {
            case .number(let number) where number.isFinite: numbers.append(number)
            case .null: numbers.append(.nan)
            case .string(let text) where CSVReader.missingValueSpellings.contains(text): numbers.append(.nan)
            case .string(let text) where Double(text)?.isFinite == true: numbers.append(Double(text)!)
            case _ where value.isNonFiniteNumber:
                throw .badRequest("column `\(column)` at \(rowName(row)): numbers must be finite, got \(value.summary)")
            default:
                throw .badRequest("column `\(column)` at \(rowName(row)): expected a number, got \(value.summary)")
            }
        }
        return numbers
    }

    /// Text as given (a level not seen in training is an unseen category, as with `predict`); a number as its text (codes
    /// such as zip codes); a JSON boolean as the training level it names when the levels are a yes/no pair, else refused.
    private static func categories(_ values: [JSONValue], column: String, levels trained: [String],
                                   rowName: (Int) -> String) throws(ServingError) -> Column {
        var levels: [String] = []
        var codeOf: [String: Int32] = [:]
        var codes: [Int32] = []
        codes.reserveCapacity(values.count)
        for (row, value) in values.enumerated() {
            let text: String
            switch value {
            case .null: text = ""
            case .string(let string) where CSVReader.missingValueSpellings.contains(string): text = ""
            case .string(let string): text = string
            case .number(let number): text = formatNumber(number)
            case .bool(let bool):
                guard let level = booleanLevel(bool, among: trained) else {
                    throw .badRequest("column `\(column)` at \(rowName(row)): expected one of its levels "
                                      + "(\(trained.prefix(5).joined(separator: ", "))\(trained.count > 5 ? ", …" : "")), got \(value.summary)")
                }
                text = level
            case .array, .object:
                throw .badRequest("column `\(column)` at \(rowName(row)): expected a value, got \(value.summary)")
            }
            if text.isEmpty {
                codes.append(-1)
            } else if let code = codeOf[text] {
                codes.append(code)
            } else {
                codeOf[text] = Int32(levels.count)
                codes.append(Int32(levels.count))
                levels.append(text)
            }
        }
        return .categorical(column, codes: codes, levels: levels)
    }
}

/// The spellings of a two-level column that a JSON boolean can stand for: (false, true).
private let booleanPairs: [(String, String)] = [("false", "true"), ("no", "yes"), ("n", "y"), ("0", "1"), ("f", "t")]

/// The training level `value` stands for when `levels` are exactly one yes/no pair (any case), else nil.
private func booleanLevel(_ value: Bool, among levels: [String]) -> String? {
    guard levels.count == 2 else { return nil }
    for (no, yes) in booleanPairs {
        let wanted = value ? yes : no, other = value ? no : yes
        if let level = levels.first(where: { $0.lowercased() == wanted }), levels.contains(where: { $0.lowercased() == other }) {
            return level
        }
    }
    return nil
}

private extension JSONValue {
    /// An infinite or NaN number, or text that reads as one (`inf`, `-Infinity`, `nan`).
    var isNonFiniteNumber: Bool {
        switch self {
        case .number(let number): !number.isFinite
        case .string(let text): Double(text).map { !$0.isFinite } ?? false
        default: false
        }
    }
}
