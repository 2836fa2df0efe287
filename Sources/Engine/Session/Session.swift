import Foundation
import Language
import Learning
import Store

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
    /// Where runs, dataset snapshots, artifacts and the registry persist (a lesson's own store while one runs).
    public private(set) var store: Store
    /// The store the session opened with, where lesson progress is kept.
    public let homeStore: Store
    /// Who the registry's audit trail names for this session's decisions.
    public let actor: String
    /// The session file and line of the command being run, recorded with its runs.
    public var sourceFile: String?
    public var sourceLine: Int?
    /// The newest run this session logged, for `run last`.
    public var lastRunID: Int64?
    /// The files this session's commands wrote (`save`, `card ... to`), as given, for lesson checks.
    public internal(set) var writtenFiles: Set<String> = []
    /// Why the last command chose what it chose on its own, for `explain last`.
    public var explanations: [String] = []
    /// The command those explanations are about.
    public var explainedCommand: String?
    /// The lesson being taken, if any.
    public var lesson: LessonState?
    /// Commands a lesson ran for the learner during the current command, recorded with it.
    var lessonWork: [TranscriptEntry] = []
    /// The cells of this session for `export html|markdown PATH`, kept by the front end; nil where none are kept.
    public var notebook: (any NotebookKeeper)?
    /// The HTTP endpoint `serve` starts, given by the front end; nil where a session cannot serve.
    public var endpoint: EndpointHost?
    /// Replays session files for `replay`, given by the front end; nil where a session cannot replay.
    public var replayer: (any SessionReplayer)?

    /// - Parameter store: nil gives a temporary store, removed with the session.
    public init(seed: UInt64 = 42, parameterOverrides: [String: Value] = [:], startedAt: Date = Date(),
                store: Store? = nil, actor: String? = nil) {
        self.seed = seed
        initialSeed = seed
        self.parameterOverrides = parameterOverrides
        self.startedAt = startedAt
        self.actor = actor ?? Self.defaultActor
        if let store {
            self.store = store
        } else {
            do {
                self.store = try Store.temporary()
            } catch {
                fatalError("cannot create a temporary store: \(error)")
            }
        }
        homeStore = self.store
    }

    /// `$USER`, else `$LOGNAME`, else "unknown".
    public static var defaultActor: String {
        let environment = ProcessInfo.processInfo.environment
        return [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "unknown"
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

    /// Puts `other` in place of what the session works on, and returns what it worked on before.
    func exchangeWorkspace(_ other: Workspace) -> Workspace {
        let previous = Workspace(datasets: datasets, datasetOrder: datasetOrder, models: models, modelOrder: modelOrder,
                                 values: values, seed: seed, store: store, lastRunID: lastRunID, writtenFiles: writtenFiles)
        datasets = other.datasets
        datasetOrder = other.datasetOrder
        models = other.models
        modelOrder = other.modelOrder
        values = other.values
        seed = other.seed
        store = other.store
        lastRunID = other.lastRunID
        writtenFiles = other.writtenFiles
        explanations = []
        explainedCommand = nil
        return previous
    }
}
