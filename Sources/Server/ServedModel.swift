import Learning
import Store

/// A registered model version loaded for serving.
public struct ServedModel: Sendable {
    public var name: String
    public var version: Int
    public var model: TrainedModel

    public init(name: String, version: Int, model: TrainedModel) {
        self.name = name
        self.version = version
        self.model = model
    }

    /// `churn@3`
    public var reference: String { "\(name)@\(version)" }

    /// The production version of every registered model, each artifact read from the store and
    /// verified; models with no production version are left out.
    public static func production(in store: Store) throws -> [ServedModel] {
        var served: [ServedModel] = []
        for name in try store.registeredModelNames() {
            guard let version = try store.modelVersion(name, stage: .production) else { continue }
            do {
                let model = try TrainedModel(jsonData: try store.object(sha256: version.artifactSHA256))
                served.append(ServedModel(name: name, version: version.version, model: model))
            } catch {
                throw ServerStartError("cannot load \(version.reference): \(error)")
            }
        }
        return served
    }
}

/// Why the server could not start, in words for the user.
public struct ServerStartError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
