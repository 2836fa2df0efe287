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
        try ServingState(store: store).all.map(\.production)
    }
}

/// Why the server could not start, in words for the user.
public struct ServerStartError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
