import Language
import Learning
import Store

extension DataCommands {
    static func describe(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let dataset = try dataset("NAME", context)
        let frame = dataset.frame
        var numeric: [[String]] = []
        var categorical: [[String]] = []
        var numericHistograms: [CellChart?] = []
        var levelCharts: [CellChart?] = []
        for column in frame.columns {
            let summary = ColumnSummary.summarize(column, bins: 8)
            let name = column.name + (column.name == frame.target ? " *" : "")
            if let stats = summary.numeric {
                let histogram = CellChart.histogram(stats.histogram)
                numericHistograms.append(histogram)
                numeric.append([name, String(summary.count), String(summary.missing),
                                Formatting.statistic(stats.mean), Formatting.statistic(stats.std),
                                Formatting.statistic(stats.min), Formatting.statistic(stats.q25),
                                Formatting.statistic(stats.median), Formatting.statistic(stats.q75),
                                Formatting.statistic(stats.max), histogram.text])
            } else if column.kind == .numeric {
                numericHistograms.append(nil)
                numeric.append([name, "0", String(summary.missing)] + Array(repeating: "", count: 8))
            } else {
                let counts = summary.categorical?.levelCounts ?? []
                let top = counts.first.map { "\($0.level) (\($0.count))" } ?? ""
                let levels = CellChart.histogram(counts.prefix(12).map(\.count))
                levelCharts.append(levels)
                categorical.append([name, column.kind.rawValue, String(summary.count), String(summary.missing),
                                    String(summary.distinct), top, levels.text])
            }
        }
        context.say("\(dataset.name): \(Formatting.count(frame.rowCount, "row")) × \(Formatting.count(frame.columns.count, "column"))\(frame.target.map { ", target \($0) (*)" } ?? "")")
        if !numeric.isEmpty {
            context.emit(.table(Table(columns: [.init("numeric"), .init("count", .right), .init("missing", .right),
                                                .init("mean", .right), .init("std", .right), .init("min", .right),
                                                .init("25%", .right), .init("50%", .right), .init("75%", .right),
                                                .init("max", .right), .init("histogram")], rows: numeric, charts: [10: numericHistograms])))
        }
        if !categorical.isEmpty {
            context.emit(.table(Table(columns: [.init("categorical"), .init("type"), .init("count", .right),
                                                .init("missing", .right), .init("distinct", .right), .init("top (count)"),
                                                .init("levels by count")], rows: categorical, charts: [6: levelCharts])))
        }
        return .ok
    }

    static func split(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let source = try dataset("NAME", context)
        let first = try context.text("A")
        let second = try context.text("B")
        guard first.value != second.value else {
            throw Diagnostic("the two parts need different names", at: second.range)
        }
        for part in [first, second] where part.value == source.name {
            throw Diagnostic("`\(source.name)` is the dataset being split; name the parts differently, so that it and their "
                             + "lineage back to it stay", at: part.range, hint: "split \(source.name) into train, test")
        }
        let ratio = try context.number("ratio", default: 0.8)
        let seed = try context.seed()
        let explicitStratify = try context.flag("stratify")
        let canStratify = source.frame.targetColumn.map { $0.kind != .numeric } ?? false
        if explicitStratify == true, !canStratify {
            let range = context.command.option("stratify")?.valueRange
            let why = source.frame.target == nil ? "`\(source.name)` has no target" : "its target `\(source.frame.target!)` is numeric"
            throw Diagnostic("cannot stratify: \(why)", at: range, hint: "stratify=false, or load with target=COLUMN naming a categorical column")
        }
        let stratify = explicitStratify ?? canStratify
        let parts: (first: DataFrame, second: DataFrame)
        do {
            parts = try Splitter.split(source.frame, ratio: ratio, seed: seed, stratify: stratify)
        } catch {
            throw Diagnostic(error.description, at: context.command.option("ratio")?.valueRange ?? context.command.range)
        }
        let how = "split \(Formatting.statistic(ratio)) seed \(seed)\(stratify ? " stratified" : "")"
        var made: [Dataset] = []
        for (part, (name, frame)) in [(first.value, parts.first), (second.value, parts.second)].enumerated() {
            made.append(Dataset(name: name, frame: frame, version: frame.contentHash(),
                                origin: .derived(from: [source.name], how: how),
                                recipe: .split(of: source.recipe, ratio: ratio, seed: seed, stratify: stratify, part: part)))
        }
        for dataset in made {
            do {
                try context.session.store.recordDatasetVersion(DatasetVersionRecord(
                    sha256: dataset.version, rows: dataset.frame.rowCount, columns: dataset.frame.columns.count,
                    target: dataset.frame.target, origin: "\(how) of \(source.name)", parents: [source.version]))
            } catch {
                throw Diagnostic("cannot record the split in the store: \(error)", at: context.command.range)
            }
        }
        for dataset in made { context.session.add(dataset) }
        context.explain(Explanations.stratification(stratify, frame: source.frame, what: "the split")
                        + (explicitStratify == nil ? " (stratify=false turns it off)" : ""))
        if let reason = Explanations.seed(seed, given: context.command.option("seed") != nil) { context.explain(reason) }
        let strata = stratify ? ", stratified by \(source.frame.target!)" : ""
        context.say("split \(source.name) (\(Formatting.count(source.frame.rowCount, "row"))) into \(first.value) (\(Formatting.count(parts.first.rowCount, "row"))) and \(second.value) (\(Formatting.count(parts.second.rowCount, "row")))\(strata), seed \(seed)")
        return .ok
    }
}
