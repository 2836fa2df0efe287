import Foundation
import Language
import Learning

/// `predict MODEL on DATA [to PATH] [rows=N]`: batch predictions. Without `to`, the first rows and a
/// summary; with it, DATA's columns plus the predictions (and each class's probability) as CSV.
enum PredictCommand {
    static let shownRows = 10

    static func predict(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let model = try context.model("NAME")
        let data = try context.batchDataset("DATA", target: model.model.target)
        let predictions: Predictions
        do {
            predictions = try model.model.predict(data.frame)
        } catch {
            throw Diagnostic(error.description, at: context.command.slot("DATA")?.range)
        }
        let output = frame(data.frame, with: predictions, target: model.model.target)
        let said = "predicted \(Formatting.count(predictions.count, "row")) of \(data.name) with \(shownName(model, context)) "
            + "(\(model.model.algorithm.rawValue)): " + summary(predictions)
        if context.command.slot("PATH") != nil {
            let path = try context.text("PATH")
            let file = path.value
            let text = CSVWriter.text(output)
            try context.write(Data(text.utf8), toExisting: path)
            context.say(said)
            context.say("wrote \(Formatting.count(output.rowCount, "row")) × \(Formatting.count(output.columns.count, "column")) to \(file) "
                        + "(\(Formatting.bytes(text.utf8.count))): the columns of \(data.name), then "
                        + output.columns.dropFirst(data.frame.columns.count).map(\.name).joined(separator: ", "))
            return .ok
        }
        let limit = try context.integer("rows") ?? shownRows
        context.say(said)
        context.emit(.table(table(data.frame, predictions, output, target: model.model.target, limit: limit)))
        if predictions.count > limit { context.say("… \(Formatting.count(predictions.count - limit, "more row")); to PATH writes them all") }
        return .ok
    }

    /// `credit@production = credit@3` for a stage or `@latest`, else the name as written.
    static func shownName(_ model: SessionModel, _ context: CommandContext) -> String {
        guard let reference = try? RegistryReference.parse(model.name, at: context.command.range),
              let version = try? reference.resolve(in: context.store, at: nil), version.reference != model.name else { return model.name }
        return "\(model.name) = \(version.reference)"
    }

    /// The name of the predictions' column: `predicted_TARGET`, made unique against DATA's columns.
    static func predictionName(_ frame: DataFrame, target: String) -> String {
        var name = "predicted_" + target
        while frame.column(named: name) != nil { name += "_" }
        return name
    }

    static func frame(_ data: DataFrame, with predictions: Predictions, target: String) -> DataFrame {
        var columns = data.columns
        let name = predictionName(data, target: target)
        columns.append(predictions.column(named: name))
        if case .classes(let classes) = predictions {
            for (index, label) in classes.classes.enumerated() {
                let width = classes.classes.count
                let probabilities = (0..<classes.count).map { classes.probabilities[$0 * width + index] }
                columns.append(.numeric("probability_" + label, probabilities))
            }
        }
        return DataFrame(columns: columns, target: data.target)
    }

    static func summary(_ predictions: Predictions) -> String {
        switch predictions {
        case .classes(let classes):
            var counts = [Int](repeating: 0, count: classes.classes.count)
            for code in classes.codes { counts[Int(code)] += 1 }
            return zip(classes.classes, counts).map { "\($0) \($1)" }.joined(separator: ", ")
        case .values(let values):
            guard let low = values.min(), let high = values.max() else { return "no values" }
            let mean = values.reduce(0, +) / Double(values.count)
            return "mean \(Formatting.metric(mean)), from \(Formatting.metric(low)) to \(Formatting.metric(high))"
        }
    }

    static func table(_ data: DataFrame, _ predictions: Predictions, _ output: DataFrame, target: String, limit: Int) -> Table {
        let truth = data.column(named: target)
        let predicted = output.column(named: predictionName(data, target: target))!
        var columns: [Table.Column] = [.init("row", .right)]
        if let truth { columns.append(.init(target, truth.kind == .numeric ? .right : .left)) }
        columns.append(.init(predicted.name, predictions.isClassification ? .left : .right))
        if predictions.isClassification { columns.append(.init("probability", .right)) }
        var rows: [[String]] = []
        for row in 0..<min(limit, predictions.count) {
            var cells = ["\(row + 1)"]
            if let truth { cells.append(truth.text(at: row)) }
            switch predictions {
            case .classes(let classes):
                cells.append(classes.classes[Int(classes.codes[row])])
                cells.append(Formatting.metric(classes.probabilities[row * classes.classes.count + Int(classes.codes[row])]))
            case .values(let values):
                cells.append(Formatting.metric(values[row]))
            }
            rows.append(cells)
        }
        return Table(columns: columns, rows: rows)
    }
}

private extension Predictions {
    var isClassification: Bool { if case .classes = self { true } else { false } }
}
