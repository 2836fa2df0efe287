import Learning
import Store
import Synchronization

/// Model artifacts loaded from the store, by hash, so a version is read and verified once per server.
final class ArtifactCache: Sendable {
    private let models = Mutex<[String: TrainedModel]>([:])

    func model(_ version: ModelVersionRecord, in store: Store) throws -> ServedModel {
        let hash = version.artifactSHA256
        if let cached = models.withLock({ $0[hash] }) {
            return ServedModel(name: version.name, version: version.version, model: cached)
        }
        let model: TrainedModel
        do {
            model = try TrainedModel(jsonData: try store.object(sha256: hash))
        } catch {
            throw ServerStartError("cannot load \(version.reference): \(error)")
        }
        models.withLock { $0[hash] = model }
        return ServedModel(name: version.name, version: version.version, model: model)
    }
}
