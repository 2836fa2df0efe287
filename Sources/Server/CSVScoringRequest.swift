import Learning

/// Reads a `text/csv` scoring body (a header row, then one row per line) with Learning's CSV reader.
enum CSVScoringRequest {
    static func table(from body: [UInt8]) throws(ServingError) -> InputTable {
        let frame: DataFrame
        do {
            frame = try CSVReader.read(data: body, name: "the CSV body").frame
        } catch {
            throw .badRequest("malformed CSV: \(error)")
        }
        var columns: [String: [JSONValue]] = [:]
        for column in frame.columns where columns[column.name] == nil {
            switch column.storage {
            case .numeric(let values):
                columns[column.name] = values.map { $0.isNaN ? .null : .number($0) }
            case .categorical(let codes, let levels):
                columns[column.name] = codes.map { $0 < 0 ? .null : .string(levels[Int($0)]) }
            }
        }
        return InputTable(columns: columns, rowCount: frame.rowCount) { "line \($0 + 2)" }
    }
}
