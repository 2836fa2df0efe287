import Learning
import Store

/// Captured requests joined into one capture per version, shadow and columns, their rows already written as JSON
/// text: what a drain stores, a few rows per drain however busy the endpoint.
struct CaptureGroups: Sendable {
    private struct Key: Hashable {
        var model: String
        var version: Int
        var shadow: Int?
        var withTarget: Bool  // a version's columns are its features, and its target when the request had it
    }

    private(set) var captures: [EncodedCapture] = []
    /// Rows in `captures`.
    private(set) var rows = 0
    private var indexes: [Key: Int] = [:]

    var isEmpty: Bool { captures.isEmpty }

    /// Adds a request's rows and predictions (and the shadow's, when it scored them) to its capture.
    mutating func add(_ table: InputTable, answered: ServedModel, predictions: [String],
                      shadow: (version: Int, predictions: [String])?) {
        let model = answered.model
        let withTarget = table.columns[model.target] != nil
        let key = Key(model: answered.name, version: answered.version, shadow: shadow?.version, withTarget: withTarget)
        let index: Int
        if let known = indexes[key] {
            index = known
            captures[index].capture.predictions += predictions  // in place: a copy of the capture would copy all it holds
            if let shadow { captures[index].capture.shadowPredictions? += shadow.predictions }
        } else {
            index = captures.count
            indexes[key] = index
            captures.append(EncodedCapture(NewCapture(
                modelName: key.model, version: key.version, shadowVersion: key.shadow,
                columns: withTarget ? model.featureNames + [model.target] : model.featureNames, rows: [],
                predictions: predictions, shadowPredictions: shadow?.predictions)))
        }
        let cells = captures[index].capture.columns.map { table.columns[$0]! }
        for row in 0..<table.rowCount { captures[index].rows.append(cells.count) { cells[$0][row].text } }
        rows += table.rowCount
    }
}
