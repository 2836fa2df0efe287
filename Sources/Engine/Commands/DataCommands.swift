import Foundation
import Language
import Learning
import Store

/// `load`, `show`, `describe`, `split` and `datasets`.
enum DataCommands {
    static func load(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        let path = try context.text("PATH")
        let target = try context.option("target")
        let separator = try context.option("sep")
        let task = try context.option("task")
        if let task, target == nil {
            throw Diagnostic("task= says how to read the target; name it with target=COLUMN", at: task.range)
        }
        var separatorByte: UInt8?
        if let separator, let text = separator.value.text {
            let bytes = Array(text.replacingOccurrences(of: "\\t", with: "\t").utf8)
            guard bytes.count == 1 else {
                throw Diagnostic("option `sep` must be a single character such as \",\" or \"\\t\"", at: separator.range)
            }
            separatorByte = bytes[0]
        }
        let dataset = try read(path, as: name.value, separator: separatorByte, target: target?.value.text,
                               targetRange: target?.range, task: task?.value.text.flatMap(TableReader.TargetTask.init) ?? .auto,
                               store: context.session.store)
        let replaced = context.session.datasets[name.value] != nil
        context.session.add(dataset)
        report(dataset, replaced: replaced, context: context)
        return .ok
    }

    /// Reads a file into a dataset and snapshots its bytes into the store; errors point at the path
    /// (or at `target=` when that column is missing).
    static func read(_ path: Located<String>, as name: String, separator: UInt8? = nil, target: String?,
                     targetRange: SourceRange? = nil, task: TableReader.TargetTask = .auto, store: Store) throws(Diagnostic) -> Dataset {
        let loaded: LoadedTable
        do {
            loaded = try TableReader.read(path: path.value, separator: separator, target: target, task: task)
        } catch {
            let aboutTarget = target.map { error.line == nil && error.message.contains($0) } ?? false
            throw Diagnostic(error.description, at: aboutTarget ? (targetRange ?? path.range) : path.range)
        }
        let lowered = path.value.lowercased()
        let tab: UInt8? = lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") ? UInt8(ascii: "\t") : nil
        do {
            try store.putObject(copyingFile: path.value, sha256: loaded.sha256)
            try store.recordDatasetVersion(DatasetVersionRecord(
                sha256: loaded.sha256, rows: loaded.frame.rowCount, columns: loaded.frame.columns.count,
                target: loaded.frame.target, origin: path.value))
        } catch {
            throw Diagnostic("cannot snapshot \(path.value) into the store: \(error)", at: path.range)
        }
        return Dataset(name: name, frame: loaded.frame, version: loaded.sha256,
                       origin: .file(path: path.value, bytes: loaded.byteCount),
                       recipe: .file(sha256: loaded.sha256, separator: separator ?? tab, target: loaded.frame.target,
                                     task: task == .auto ? nil : task.rawValue))
    }

    private static func report(_ dataset: Dataset, replaced: Bool, context: CommandContext) {
        let frame = dataset.frame
        guard case .file(let path, let bytes) = dataset.origin else { return }
        context.say("\(replaced ? "reloaded" : "loaded") \(dataset.name): \(Formatting.count(frame.rowCount, "row")) × \(Formatting.count(frame.columns.count, "column")) from \(path) (\(Formatting.bytes(bytes)))")
        context.say("version sha256:\(dataset.version)")
        if let targetColumn = frame.targetColumn {
            context.say("target \(targetColumn.name): \(taskDescription(of: targetColumn))")
        } else {
            context.say("no target (add target=COLUMN to train on it)")
        }
        let rows = frame.columns.map { column -> [String] in
            [column.name + (column.name == frame.target ? " (target)" : ""), column.kind.rawValue,
             String(column.missingCount), levelsSummary(column)]
        }
        context.emit(.table(Table(columns: [.init("column"), .init("type"), .init("missing", .right), .init("values")], rows: rows)))
        for reason in Explanations.columnTypes(of: frame) { context.explain(reason) }
        for column in identifierLike(frame) {
            context.emit(.warning("\(column.name) has a value of its own in every row (\(column.count - column.missingCount) distinct), "
                                  + "like an identifier or a date: one-hot encoded, it gives a model a column per row to memorise "
                                  + "and tells it nothing about new rows; leave it out with "
                                  + "`filter \(dataset.name) into NAME drop=[\(column.name)]`"))
        }
    }

    /// Categorical features whose every present value is distinct (20 rows or more).
    private static func identifierLike(_ frame: DataFrame) -> [Column] {
        frame.columns.filter { column in
            guard column.name != frame.target, case .categorical(_, let levels) = column.storage else { return false }
            let present = column.count - column.missingCount
            return present >= 20 && levels.count == present
        }
    }

    static func taskDescription(of column: Column) -> String {
        switch column.storage {
        case .numeric: "numeric → regression"
        case .categorical(_, let levels) where levels.count == 2 && levels.allSatisfy({ Int($0) != nil }):
            "\(column.kind.rawValue), \(Formatting.count(levels.count, "class")) → classification "
                + "(two whole numbers, \(levels[0]) and \(levels[1]), read as classes)"
        case .categorical(_, let levels): "\(column.kind.rawValue), \(Formatting.count(levels.count, "class")) → classification"
        }
    }

    private static func levelsSummary(_ column: Column) -> String {
        switch column.storage {
        case .numeric(let values):
            let present = values.filter { !$0.isNaN }
            guard let low = present.min(), let high = present.max() else { return "" }
            return "\(Formatting.statistic(low)) … \(Formatting.statistic(high))"
        case .categorical(_, let levels):
            let shown = levels.prefix(4).joined(separator: ", ")
            return levels.count > 4 ? "\(shown), … (\(levels.count) levels)" : shown
        }
    }

    /// DATA to learn from, with a target: a quoted path is loaded with `target=`; a loaded dataset keeps its own,
    /// which `target=` may only repeat.
    static func learningData(_ context: CommandContext) throws(Diagnostic) -> Dataset {
        let option = try context.option("target")
        let data = try dataset("DATA", context, target: option?.value.text)
        let range = context.command.slot("DATA")?.range
        guard let target = data.frame.target else {
            throw Diagnostic("`\(data.name)` has no target column to learn", at: range,
                             hint: "load it with target=COLUMN, or give target=COLUMN after a quoted path")
        }
        if let option, let wanted = option.value.text, wanted != target {
            throw Diagnostic("`\(data.name)` is loaded with the target `\(target)`, not `\(wanted)`", at: option.range,
                             hint: "target= chooses the column of a quoted path; to learn `\(wanted)`, load the file again with target=\(wanted)")
        }
        return data
    }

    /// A dataset named in a slot, or a quoted path loaded on the spot (with `target` when one is needed).
    static func dataset(_ slot: String, _ context: CommandContext, target: String? = nil) throws(Diagnostic) -> Dataset {
        guard let located = context.command.slot(slot) else { throw Diagnostic("`\(context.command.name)` needs \(slot)", at: context.command.range) }
        return try dataset(located, context, target: target)
    }

    /// A dataset named by a value (a slot's or an option's), or a quoted path loaded on the spot.
    static func dataset(_ located: Located<Value>, _ context: CommandContext, target: String? = nil) throws(Diagnostic) -> Dataset {
        let value = try context.resolve(located.value, at: located.range)
        if case .string(let path) = value {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return try read(Located(path, located.range), as: name, target: target, store: context.session.store)
        }
        guard let name = value.text else {
            throw Diagnostic("expected a dataset name or a quoted path, got \(value.kindName)", at: located.range)
        }
        guard let dataset = context.session.datasets[name] else {
            let known = context.session.datasetOrder
            let hint = Suggestion.hint(for: name, in: known)
                ?? (known.isEmpty ? "load one first: load \(name) from \"PATH\" target=COLUMN" : "datasets: " + known.joined(separator: ", "))
            throw Diagnostic("unknown dataset `\(name)`", at: located.range, hint: hint)
        }
        return dataset
    }

    static func show(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let dataset = try dataset("NAME", context)
        let count = min(try context.integer("rows") ?? 10, dataset.frame.rowCount)
        let frame = dataset.frame
        let columns = frame.columns.map { Table.Column($0.name, $0.kind == .numeric ? .right : .left) }
        let rows = (0..<count).map { row in frame.columns.map { $0.text(at: row) } }
        context.emit(.table(Table(columns: columns, rows: rows)))
        context.say("\(count) of \(Formatting.count(frame.rowCount, "row"))")
        return .ok
    }

    static func list(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let datasets = context.session.orderedDatasets
        guard !datasets.isEmpty else {
            context.say("no datasets yet: load NAME from \"PATH\" target=COLUMN")
            return .ok
        }
        let rows = datasets.map { dataset in
            [dataset.name, String(dataset.frame.rowCount), String(dataset.frame.columns.count),
             dataset.frame.target ?? "", dataset.shortVersion, dataset.lineage]
        }
        context.emit(.table(Table(columns: [.init("name"), .init("rows", .right), .init("columns", .right), .init("target"),
                                            .init("version"), .init("lineage")], rows: rows)))
        return .ok
    }
}
