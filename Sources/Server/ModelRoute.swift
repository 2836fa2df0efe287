import Store

/// How one model's requests are routed: the deployment in force, resolved to loaded versions.
struct ModelRoute: Sendable {
    var name: String
    /// The deployment this route came from (nil: never deployed, so every request to production).
    var deploymentID: Int64?
    var strategy: DeploymentStrategy
    var production: ServedModel
    /// A canary's or shadow's candidate while it is still in staging.
    var candidate: ServedModel?
    /// Blue/green: the version switched away from, kept loaded so that a rollback is instant.
    var standby: ServedModel?
    var percent: Int
    var capture: Int
    /// Requests routed so far, which spreads the shares exactly (request n goes to the candidate when
    /// ⌊(n+1)·p/100⌋ > ⌊n·p/100⌋): no random draw, so a replayed session routes the same way.
    var routed = 0

    /// Whether the n-th request (from 0) falls in a share of `percent`.
    static func takes(_ n: Int, _ percent: Int) -> Bool {
        (n + 1) * percent / 100 > n * percent / 100
    }

    /// The share of requests each loaded version answers, production first.
    var split: [(ServedModel, Int)] {
        guard strategy == .canary, let candidate else { return [(production, 100)] }
        return [(production, 100 - percent), (candidate, percent)]
    }

    /// Picks who answers the next request, who shadows it and whether it is captured.
    mutating func next() -> RouteChoice {
        let n = routed
        routed += 1
        var choice = RouteChoice(answering: production, role: .production, shadow: nil, captured: Self.takes(n, capture))
        switch strategy {
        case .canary where candidate != nil && Self.takes(n, percent):
            choice.answering = candidate!
            choice.role = .candidate
        case .shadow where candidate != nil && Self.takes(n, percent):
            choice.shadow = candidate
        default:
            break
        }
        return choice
    }
}

/// Where one request goes.
struct RouteChoice: Sendable {
    enum Role: String, Sendable { case production, candidate }

    var answering: ServedModel
    var role: Role
    var shadow: ServedModel?
    var captured: Bool
}
