/// The rows of a scoring request, by column name, before they are matched to a model's features.
struct InputTable: Sendable {
    /// Column values, one per row; a record without the column gives `.null`.
    var columns: [String: [JSONValue]]
    var rowCount: Int
    /// How a row is named in error messages: `dataframe_split.data[2]`, or `line 4` for CSV.
    var rowName: @Sendable (Int) -> String
}
