import Foundation
import Language
import Learning
import Store

/// `observe NAME with captured`: the requests the endpoint captured since the last such observation, as a dataset.
extension CommandContext {
    /// The word that names captured traffic in a DATA slot (unless the session has a dataset of that name).
    static let capturedWord = "captured"

    /// Whether the slot names the captured traffic.
    func namesCaptured(_ slot: String) -> Bool {
        guard let value = command.slot(slot)?.value, case .word(let name) = value else { return false }
        return name == Self.capturedWord && session.datasets[name] == nil
    }

    /// The captured rows of `model` not yet observed (the columns every capture has), snapshotted into the store,
    /// with the ids of the captures they came from.
    func capturedDataset(model: String, target: String) throws(Diagnostic) -> (Dataset, [Int64]) {
        let range = command.slot("DATA")?.range
        try? session.endpoint?.flush()
        let captures: [CaptureRecord]
        do {
            captures = try store.pendingCaptures(model)
        } catch {
            throw storeFailure(error, doing: "read the captured requests")
        }
        guard let first = captures.first else {
            throw Diagnostic("no captured requests of \(model) wait to be observed", at: range,
                             hint: "deploy \(model) capture=100, then serve and send traffic (send DATA to \(model))")
        }
        let columns = first.capture.columns.filter { column in captures.allSatisfy { $0.capture.columns.contains(column) } }
        var rows: [[String?]] = []
        for record in captures {
            let indices = columns.map { record.capture.columns.firstIndex(of: $0)! }
            rows += record.capture.rows.map { row in indices.map { row[$0] } }
        }
        let bytes = Array(CSVWriter.text(header: columns, rows: rows).utf8)
        let loaded: LoadedTable
        do {
            loaded = try CSVReader.read(data: bytes, name: Self.capturedWord, target: columns.contains(target) ? target : nil)
        } catch {
            throw Diagnostic("cannot read the captured requests of \(model): \(error.message)", at: range)
        }
        do {
            try store.putObject(Data(bytes))
            try store.recordDatasetVersion(DatasetVersionRecord(
                sha256: loaded.sha256, rows: loaded.frame.rowCount, columns: loaded.frame.columns.count,
                target: loaded.frame.target, origin: "captured requests of \(model)"))
        } catch {
            throw storeFailure(error, doing: "snapshot the captured requests")
        }
        let dataset = Dataset(name: Self.capturedWord, frame: loaded.frame, version: loaded.sha256,
                              origin: .derived(from: [], how: "\(captures.count) captured requests of \(model)"),
                              recipe: .file(sha256: loaded.sha256, separator: nil, target: loaded.frame.target))
        return (dataset, captures.map(\.id))
    }
}
