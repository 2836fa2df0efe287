import Foundation
import GRDB

/// Keeps the deployment in force true to the stages after a promotion or a rollback, in the same transaction.
extension Store {
    /// Ends the deployment in force when its versions no longer hold their stages — a canary's or shadow's candidate
    /// left staging, or production is no longer the version it routed to — so that it never describes routing that
    /// is not happening. A direct deployment only follows production. Ending one is audited with the reason.
    ///
    /// - Parameter restoringEarlierRouting: a rollback also restores the capture share of the routing before the ended one.
    /// - Returns: the deployment that ended, or nil when the one in force still holds (or only followed production).
    static func settleDeployment(_ db: Database, _ name: String, actor: String, restoringEarlierRouting: Bool,
                                 at now: Date) throws -> EndedDeployment? {
        guard let current = try currentDeployment(db, name),
              let production = try versionInStage(db, name, .production) else { return nil }
        let candidate = try current.candidateVersion.flatMap { try fetchVersion(db, name, $0) }
        let reason: String
        switch current.strategy {
        case .canary, .shadow:
            if let candidate, candidate.stage != .staging {
                reason = "its candidate \(candidate.reference) left staging (\(candidate.stage.rawValue))"
            } else if production.version != current.productionVersion {
                reason = "production changed to \(production.reference)"
            } else {
                return nil
            }
        case .bluegreen:
            guard production.version != current.productionVersion else { return nil }
            reason = restoringEarlierRouting ? "rolled back to \(production.reference)" : "production changed to \(production.reference)"
        case .direct:
            if production.version != current.productionVersion {
                _ = try insertDirect(db, name, production: production.version, capture: current.capture,
                                     actor: actor, note: current.note, at: now)
            }
            return nil
        }
        let capture = restoringEarlierRouting ? try captureBefore(db, current) : current.capture
        let direct = try insertDirect(db, name, production: production.version, capture: capture, actor: actor,
                                      note: "\(current.strategy.rawValue) ended: \(reason)", at: now)
        let ended = EndedDeployment(ended: current, now: direct, reason: reason)
        try audit(db, name, production.version, .deploy, from: nil, to: nil, actor: actor, note: ended.summary, at: now)
        return ended
    }
}
