import Foundation

/// The one set of rules for a deployment's shares, used by the `deploy` command, the HTTP deploy route and the store.
extension NewDeployment {
    /// What `percent` applies to, for messages.
    public static let strategiesTakingPercent: [DeploymentStrategy] = [.canary, .shadow]

    /// The share of requests routed to the candidate: the given percent, or the strategy's default (canary 10,
    /// shadow 100); 0 for strategies that route nothing to a candidate.
    public var resolvedPercent: Int {
        switch strategy {
        case .canary: percent ?? 10
        case .shadow: percent ?? 100
        case .direct, .bluegreen: 0
        }
    }

    /// Checks the percent and capture against the strategy.
    /// - Throws: `StoreError.invalidValue` naming the field, the range expected and the value given.
    public func validate() throws {
        if let percent, !Self.strategiesTakingPercent.contains(strategy) {
            throw StoreError.invalidValue("percent applies to the canary and shadow strategies, not \(strategy.rawValue) (given \(percent))")
        }
        if let capture, !(0...100).contains(capture) {
            throw StoreError.invalidValue("capture must be from 0 to 100 (percent of requests stored), not \(capture)")
        }
        switch strategy {
        case .canary where resolvedPercent == 100:
            throw StoreError.invalidValue("a canary's percent must be from 1 to 99, not 100: a canary of 100 % is a switch, use strategy bluegreen")
        case .canary where !(1...99).contains(resolvedPercent):
            throw StoreError.invalidValue("a canary's percent must be from 1 to 99, not \(resolvedPercent)")
        case .shadow where !(1...100).contains(resolvedPercent):
            throw StoreError.invalidValue("a shadow's percent must be from 1 to 100, not \(resolvedPercent)")
        default:
            break
        }
    }
}
