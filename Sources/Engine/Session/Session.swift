import Foundation
import Language
import Learning

/// Everything a session knows: its datasets, models, values, parameters and seed, and what was typed.
///
/// A session lives on one thread: the REPL's or the runner's.
public final class Session {
    public private(set) var datasets: [String: Dataset] = [:]
    public private(set) var datasetOrder: [String] = []
    public private(set) var models: [String: SessionModel] = [:]
    public private(set) var modelOrder: [String] = []
    /// Values such as `lr.test.accuracy`, by path.
    public var values: [String: SessionValue] = [:]
    /// `param` values as written, used as `$NAME`.
    public var parameters: [String: Value] = [:]
    /// Values given on the command line (`mlw run -p`) that win over `param` defaults.
    public var parameterOverrides: [String: Value]
    public var seed: UInt64
    /// The seed the session started with, recorded in the session file's header.
    public let initialSeed: UInt64
    /// The commands that ran, with their recorded output, for `history`, `save` and the session file.
    public internal(set) var transcript: [TranscriptEntry] = []
    public let startedAt: Date
    /// Files being included, innermost last (to refuse an include cycle).
    var includeStack: [String] = []

    public init(seed: UInt64 = 42, parameterOverrides: [String: Value] = [:], startedAt: Date = Date()) {
        self.seed = seed
        initialSeed = seed
        self.parameterOverrides = parameterOverrides
        self.startedAt = startedAt
    }

    public func add(_ dataset: Dataset) {
        if datasets[dataset.name] == nil { datasetOrder.append(dataset.name) }
        datasets[dataset.name] = dataset
    }

    public func add(_ model: SessionModel) {
        if models[model.name] == nil { modelOrder.append(model.name) }
        models[model.name] = model
        for key in values.keys where key.hasPrefix(model.name + ".") { values[key] = nil }
    }

    public var orderedDatasets: [Dataset] { datasetOrder.compactMap { datasets[$0] } }
    public var orderedModels: [SessionModel] { modelOrder.compactMap { models[$0] } }
}
