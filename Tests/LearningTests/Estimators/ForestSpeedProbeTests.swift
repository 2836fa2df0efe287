import Foundation
import Learning
import Testing

/// Temporary: release-mode timing probe, run only with MLW_FOREST_PROBE=path.
@Suite struct ForestSpeedProbeTests {
    @Test func probe() throws {
        guard let path = ProcessInfo.processInfo.environment["MLW_FOREST_PROBE"] else { return }
        var frame = try CSVReader.read(path: path, target: "label").frame
        frame.target = "label"
        let algorithm: Algorithm = ProcessInfo.processInfo.environment["MLW_PROBE_ALGO"] == "tree" ? .tree : .forest
        let clock = ContinuousClock()
        var start = clock.now
        let model = try train(algorithm, on: frame, parameters: [:], seed: 0)
        let fit = (clock.now - start)
        start = clock.now
        let accuracy = try evaluate(model, on: frame)["accuracy"] ?? -1
        let predict = (clock.now - start)
        let trainRows = Array(0..<80_000), testRows = Array(80_000..<frame.rowCount)
        start = clock.now
        let holdModel = try train(algorithm, on: frame.selecting(rows: trainRows), parameters: [:], seed: 0)
        let fit80 = (clock.now - start)
        let holdout = try evaluate(holdModel, on: frame.selecting(rows: testRows))["accuracy"] ?? -1
        print("PROBE \(algorithm) fit_all=\(fit) train_acc=\(accuracy) predict=\(predict) fit_80k=\(fit80) holdout_acc=\(holdout)")
    }
}
