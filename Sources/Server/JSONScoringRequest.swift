import Foundation

/// Reads an MLflow-style JSON scoring body: `dataframe_split`, `dataframe_records` or `instances`.
enum JSONScoringRequest {
    static let formats = ["dataframe_split", "dataframe_records", "instances"]

    /// The rows of `body`: read in one pass by `JSONScoringScanner` when it can, else decoded.
    /// - Parameter featureOrder: the model's features, for `instances` given as lists.
    static func table(from body: [UInt8], featureOrder: [String]) throws(ServingError) -> InputTable {
        if let table = JSONScoringScanner.table(from: body, featureOrder: featureOrder) { return table }
        return try decodedTable(from: Data(body), featureOrder: featureOrder)
    }

    /// The general way: `JSONDecoder` into `JSONValue`s, then the shape, with an error naming whatever is wrong.
    static func decodedTable(from body: Data, featureOrder: [String]) throws(ServingError) -> InputTable {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw .badRequest("malformed JSON: \(describe(error, in: body))")
        }
        guard case .object(let object) = root else {
            throw .badRequest("the body must be a JSON object with one of the keys \(formatList), got \(root.summary)")
        }
        let present = formats.filter { object[$0] != nil }
        guard present.count == 1, let key = present.first, let value = object[key] else {
            if present.isEmpty {
                let keys = object.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
                throw .badRequest("the body needs one of the keys \(formatList)\(keys.isEmpty ? "" : "; found \(keys)")")
            }
            throw .badRequest("the body has \(present.map { "`\($0)`" }.joined(separator: " and ")); send exactly one of \(formatList)")
        }
        switch key {
        case "dataframe_split": return try split(value)
        case "dataframe_records": return try records(value, key: key)
        default: return try instances(value, featureOrder: featureOrder)
        }
    }

    private static var formatList: String { formats.map { "`\($0)`" }.joined(separator: ", ") }

    /// `{"columns": [...], "data": [[...], ...]}`
    private static func split(_ value: JSONValue) throws(ServingError) -> InputTable {
        guard case .object(let split) = value else {
            throw .badRequest("`dataframe_split` must be an object with `columns` and `data`, got \(value.summary)")
        }
        guard case .array(let names)? = split["columns"] else {
            throw .badRequest("`dataframe_split` needs `columns`, a list of column names")
        }
        var columnNames: [String] = []
        for (index, name) in names.enumerated() {
            guard case .string(let text) = name else {
                throw .badRequest("`dataframe_split.columns[\(index)]` must be a column name, got \(name.summary)")
            }
            columnNames.append(text)
        }
        if let repeated = columnNames.enumerated().first(where: { columnNames[..<$0.offset].contains($0.element) }) {
            let first = columnNames.firstIndex(of: repeated.element)!
            throw .badRequest("`dataframe_split.columns` names `\(repeated.element)` twice (columns[\(first)] and "
                              + "columns[\(repeated.offset)]); name each column once")
        }
        guard case .array(let rows)? = split["data"] else {
            throw .badRequest("`dataframe_split` needs `data`, a list of rows (lists of values)")
        }
        var columns = [String: [JSONValue]](uniqueKeysWithValues: Set(columnNames).map { ($0, [JSONValue]()) })
        for (index, row) in rows.enumerated() {
            guard case .array(let values) = row else {
                throw .badRequest("`dataframe_split.data[\(index)]` must be a list of values, got \(row.summary)")
            }
            guard values.count == columnNames.count else {
                throw .badRequest("`dataframe_split.data[\(index)]` has \(values.count) values for \(columnNames.count) columns")
            }
            for (name, value) in zip(columnNames, values) where columns[name]!.count == index {
                columns[name]!.append(value)
            }
        }
        return InputTable(columns: columns, rowCount: rows.count) { "`dataframe_split.data[\($0)]`" }
    }

    /// `[{"column": value, ...}, ...]`
    private static func records(_ value: JSONValue, key: String) throws(ServingError) -> InputTable {
        guard case .array(let rows) = value else {
            throw .badRequest("`\(key)` must be a list of objects (one per row), got \(value.summary)")
        }
        var objects: [[String: JSONValue]] = []
        for (index, row) in rows.enumerated() {
            guard case .object(let object) = row else {
                throw .badRequest("`\(key)[\(index)]` must be an object mapping column names to values, got \(row.summary)")
            }
            objects.append(object)
        }
        let names = Set(objects.flatMap(\.keys))
        var columns: [String: [JSONValue]] = [:]
        for name in names { columns[name] = objects.map { $0[name] ?? .null } }
        return InputTable(columns: columns, rowCount: rows.count) { "`\(key)[\($0)]`" }
    }

    /// A list of objects, or a list of lists in the model's feature order.
    private static func instances(_ value: JSONValue, featureOrder: [String]) throws(ServingError) -> InputTable {
        guard case .array(let rows) = value else {
            throw .badRequest("`instances` must be a list of rows, got \(value.summary)")
        }
        guard case .array? = rows.first else { return try records(value, key: "instances") }
        var columns = [String: [JSONValue]](uniqueKeysWithValues: featureOrder.map { ($0, [JSONValue]()) })
        for (index, row) in rows.enumerated() {
            guard case .array(let values) = row else {
                throw .badRequest("`instances[\(index)]` must be a list like `instances[0]`, got \(row.summary)")
            }
            guard values.count == featureOrder.count else {
                throw .badRequest("`instances[\(index)]` has \(values.count) values; the model expects \(featureOrder.count) "
                                  + "in this order: \(featureOrder.joined(separator: ", "))")
            }
            for (name, value) in zip(featureOrder, values) { columns[name]!.append(value) }
        }
        return InputTable(columns: columns, rowCount: rows.count) { "`instances[\($0)]`" }
    }

    /// Where the body stops being JSON: JSONDecoder does not say on Linux, JSONSerialization does.
    private static func describe(_ error: any Error, in body: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "\(error)"
    }
}
