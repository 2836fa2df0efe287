import Language
import Learning
import Store

extension DataCommands {
    /// `filter NAME into A [where="..."] [drop=[...]]`: the rows of NAME that meet the condition, less the
    /// dropped columns, as a new dataset.
    static func filter(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let source = try dataset("NAME", context)
        let name = try context.text("A")
        var frame = source.frame
        var condition: String?
        if let written = try context.option("where"), let text = written.value.text {
            let rows = try RowFilter.rows(of: frame, matching: try RunFilter.parse(text, at: written.range), at: written.range)
            guard !rows.isEmpty else {
                throw Diagnostic("no row of \(source.name) meets \(text)", at: written.range,
                                 hint: "nothing was made; `describe \(source.name)` shows the values of each column")
            }
            frame = frame.selecting(rows: rows)
            condition = text
        }
        let dropped = try droppedColumns(of: frame, context: context)
        frame.columns.removeAll { dropped.contains($0.name) }
        let how = ([condition.map { "filter \($0)" }] + [dropped.isEmpty ? nil : "drop \(dropped.joined(separator: ", "))"])
            .compactMap { $0 }.joined(separator: ", ")
        let dataset = Dataset(name: name.value, frame: frame, version: frame.contentHash(),
                              origin: .derived(from: [source.name], how: how),
                              recipe: .filter(of: source.recipe, condition: condition, dropped: dropped))
        do {
            try context.session.store.recordDatasetVersion(DatasetVersionRecord(
                sha256: dataset.version, rows: frame.rowCount, columns: frame.columns.count, target: frame.target,
                origin: "\(how) of \(source.name)", parents: [source.version]))
        } catch {
            throw context.storeFailure(error, doing: "record the filtered dataset")
        }
        context.session.add(dataset)
        var line = "filtered \(source.name) into \(name.value): \(Formatting.count(frame.rowCount, "row")) of \(Formatting.count(source.frame.rowCount, "row"))"
        if let condition { line += " meet \(condition)" }
        if !dropped.isEmpty { line += "; dropped \(dropped.joined(separator: ", "))" }
        context.say(line)
        return .ok
    }

    private static func droppedColumns(of frame: DataFrame, context: CommandContext) throws(Diagnostic) -> [String] {
        guard let option = try context.option("drop") else { return [] }
        let items: [Value] = if case .list(let list) = option.value { list } else { [option.value] }
        var names: [String] = []
        for item in items {
            guard let name = item.text, frame.column(named: name) != nil else {
                throw Diagnostic("no column `\(item)` to drop", at: option.range,
                                 hint: Suggestion.hint(for: item.text ?? "", in: frame.columnNames)
                                    ?? "columns: " + frame.columnNames.joined(separator: ", "))
            }
            guard name != frame.target else {
                throw Diagnostic("`\(name)` is the target; it cannot be dropped", at: option.range,
                                 hint: "load the file with another target=COLUMN to predict something else")
            }
            if !names.contains(name) { names.append(name) }
        }
        guard names.count < frame.columns.count else {
            throw Diagnostic("dropping every column leaves nothing", at: option.range)
        }
        return names
    }
}
