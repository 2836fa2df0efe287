import Foundation
import Language
import Learning

/// `explain`, `plot` and `export`: looking inside a trained model.
enum InspectionCommands {
    static func explain(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        if Explanations.isExplainLast(context.command) { return try Explanations.explainLast(context) }
        let model = try context.model("NAME")
        let data = try DataCommands.dataset("DATA", context, target: model.model.target)
        let metric = try MetricDirection.metric(context, task: model.model.task)
        let importances = try importance(of: model, on: data, metric: metric, context: context)
        context.say("permutation importance of \(model.name) on \(data.name): how much \(metric) worsens when a feature is shuffled (\(try context.integer("repeats") ?? 5) repeats, seed \(try context.seed()))")
        emitChart(importances, model: model.name, context: context)
        return .ok
    }

    static func importance(of model: SessionModel, on data: Dataset, metric: String, context: CommandContext) throws(Diagnostic) -> [FeatureImportance] {
        let repeats = try context.integer("repeats") ?? 5
        let seed = try context.seed()
        do {
            return try permutationImportance(model.model, on: data.frame, metric: metric, repeats: repeats, seed: seed)
        } catch {
            throw context.placed(error)
        }
    }

    static func emitChart(_ importances: [FeatureImportance], model: String, context: CommandContext) {
        let top = importances.map(\.mean).max() ?? 0
        let bars = importances.map { CellChart.bar(value: $0.mean, top: top, width: 30) }
        let rows = zip(importances, bars).map { item, bar in
            [item.feature, Formatting.metric(item.mean), "± " + Formatting.metric(item.std), bar.text]
        }
        context.emit(.table(Table(columns: [.init("feature"), .init("importance", .right), .init("std", .right), .init("")], rows: rows,
                                  charts: [3: bars])))
        for item in importances { context.session.values["\(model).importance.\(item.feature)"] = .metric(item.mean) }
    }

    static func plot(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let kind = try context.text("KIND").value
        let model = try context.model("NAME")
        let data = try DataCommands.dataset("DATA", context, target: model.model.target)
        switch kind {
        case "importance":
            let metric = MetricDirection.defaultMetric(for: model.model.task)
            let importances = try importance(of: model, on: data, metric: metric, context: context)
            context.say("feature importance of \(model.name) on \(data.name) (drop in \(metric) when shuffled)")
            emitChart(importances, model: model.name, context: context)
        case "confusion":
            try confusion(model, data, context)
        default:
            try roc(model, data, context)
        }
        return .ok
    }

    private static func classPredictions(_ model: SessionModel, _ data: Dataset, _ context: CommandContext) throws(Diagnostic) -> (truth: [String], predictions: ClassPredictions) {
        guard model.model.task.isClassification else {
            throw Diagnostic("`\(model.name)` is a regression model: confusion matrices and ROC curves need classes",
                             at: context.command.slot("KIND")?.range, hint: "try: plot importance \(model.name) on \(data.name)")
        }
        guard let truthColumn = data.frame.column(named: model.model.target) else {
            throw Diagnostic("`\(data.name)` has no column `\(model.model.target)` to compare with", at: context.command.slot("DATA")?.range)
        }
        let rows = (0..<data.frame.rowCount).filter { !truthColumn.text(at: $0).isEmpty }
        let frame = data.frame.selecting(rows: rows)
        let predictions: Predictions
        do {
            predictions = try model.model.predict(frame)
        } catch {
            throw context.placed(error)
        }
        guard case .classes(let classes) = predictions else { throw Diagnostic("`\(model.name)` did not predict classes") }
        let truth = frame.column(named: model.model.target)!
        return ((0..<frame.rowCount).map { truth.text(at: $0) }, classes)
    }

    private static func confusion(_ model: SessionModel, _ data: Dataset, _ context: CommandContext) throws(Diagnostic) {
        let (truth, predictions) = try classPredictions(model, data, context)
        let matrix = ConfusionMatrix(truth: truth, predicted: predictions.labels)
        let labels = matrix.labels
        let top = matrix.counts.joined().max() ?? 1
        let cells = labels.indices.map { t in labels.indices.map { p in CellChart.shade(count: matrix[t, p], top: top) } }
        let rows = labels.indices.map { t in [labels[t]] + cells[t].map(\.text) }
        var charts: [Int: [CellChart?]] = [:]
        for p in labels.indices { charts[p + 1] = cells.map { $0[p] } }
        context.say("confusion matrix of \(model.name) on \(data.name): rows are the truth, columns the prediction")
        context.emit(.table(Table(columns: [.init("truth \\ predicted")] + labels.map { .init($0, .right) }, rows: rows, charts: charts)))
        let correct = labels.indices.reduce(0) { $0 + matrix[$1, $1] }
        context.say("\(correct) of \(matrix.total) correct (accuracy \(Formatting.metric(Double(correct) / Double(max(1, matrix.total)))))")
    }

    private static func roc(_ model: SessionModel, _ data: Dataset, _ context: CommandContext) throws(Diagnostic) {
        let (truth, predictions) = try classPredictions(model, data, context)
        var plot = LinePlot(xLabel: "false positive rate", yLabel: "true positive rate")
        let marks: [Character] = ["●", "■", "▲", "◆", "○", "□", "△", "◇"]
        let classes = predictions.classes.count == 2 ? [predictions.classes[1]] : predictions.classes
        var legend: [String] = [], undrawn: [String] = [], uncurved: [String] = []
        for label in classes {
            guard let scores = predictions.probabilities(of: label) else { continue }
            let positives = truth.map { $0 == label }
            let count = positives.lazy.filter { $0 }.count
            guard count > 0, count < positives.count else {
                uncurved.append(label)
                continue
            }
            let curve = rocCurve(scores: scores, positives: positives)
            let name = "\(label) vs rest: AUC \(Formatting.metric(curve.auc))"
            context.session.values["\(model.name).\(data.name).roc_auc.\(label)"] = .metric(curve.auc)
            guard plot.series.count < marks.count else {
                undrawn.append(name)
                continue
            }
            let mark = marks[plot.series.count]
            plot.series.append(.init(mark: mark, label: name, points: zip(curve.fpr, curve.tpr).map { LinePlot.Point($0, $1) }))
            legend.append("\(mark) \(name)")
        }
        context.say("ROC curve of \(model.name) on \(data.name)")
        context.emit(.plot(plot))
        for line in legend { context.say(line) }
        if !undrawn.isEmpty {
            context.say("not drawn (a chart holds \(marks.count) curves): " + undrawn.joined(separator: "; "))
        }
        if !uncurved.isEmpty {
            context.say("no curve for \(uncurved.map { "`\($0)`" }.joined(separator: ", ")): a ROC curve needs rows of the class "
                        + "and rows of the rest in \(data.name)")
        }
    }

    static func export(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        if context.command.slot("FORMAT") != nil { return try NotebookExportCommand.export(context) }
        let model = try context.model("NAME")
        let path = try context.text("PATH")
        let data: Data
        let format: String
        do {
            if model.model.algorithm == .boost {
                data = try exportXGBoostJSON(model.model)
                format = "XGBoost JSON (load in Python with xgboost.Booster(model_file=...))"
            } else {
                data = try model.model.jsonData()
                format = "mlw model artifact JSON, format \(TrainedModel.currentFormatVersion)"
            }
        } catch {
            throw Diagnostic(error.description, at: path.range)
        }
        try context.write(data, toExisting: path)
        context.say("exported \(model.name) (\(model.model.algorithm.rawValue)) to \(path.value): \(Formatting.bytes(data.count)), \(format)")
        if model.model.algorithm == .boost {
            context.say("input columns, in order: " + model.model.preprocessor.outputNames.joined(separator: ", "))
        }
        return .ok
    }
}
