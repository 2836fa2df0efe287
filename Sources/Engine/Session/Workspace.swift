import Store

/// What a session works on: its named datasets and models, the values they left, the seed and the store.
///
/// A lesson works in a workspace of its own (a fresh temporary store), so what a learner makes never mixes
/// with the project's registry; leaving the lesson brings the session's own workspace back.
struct Workspace {
    var datasets: [String: Dataset] = [:]
    var datasetOrder: [String] = []
    var models: [String: SessionModel] = [:]
    var modelOrder: [String] = []
    var values: [String: SessionValue] = [:]
    var seed: UInt64
    var store: Store
    var lastRunID: Int64?
    var writtenFiles: Set<String> = []
}
