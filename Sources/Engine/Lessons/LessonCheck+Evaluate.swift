import Foundation
import Language

extension LessonCheck {
    /// Nil when the check holds in `session`; otherwise why not, in words for the learner, with the lesson's own hint.
    func failure(in session: Session) -> String? {
        guard let reason = reason(in: session) else { return nil }
        return otherwise.map { "\(reason) — \($0)" } ?? reason
    }

    private func reason(in session: Session) -> String? {
        let range = SourceRange(line: line, column: 1, length: 1)
        switch condition {
        case .file(let path):
            // Written in this lesson, not left over from an earlier attempt: the check must replay the same.
            var isDirectory: ObjCBool = false
            return session.writtenFiles.contains(path) && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && !isDirectory.boolValue ? nil : "you have not written \(path) yet"
        case .exists(let path):
            // A flag alone means `== true`, as in `alert`: `drift.detected` must not pass because it is false.
            switch try? ValuePaths.lookup(path, at: range, in: session) {
            case nil: return Self.missing(path, in: session)
            case .flag(false): return "\(path) is false"
            default: return nil
            }
        case .compare(let path, let op, let written):
            guard let actual = try? ValuePaths.lookup(path, at: range, in: session) else { return Self.missing(path, in: session) }
            let expected = SessionValue(written)
            if actual.satisfies(op, expected) == true { return nil }
            let shown = actual.description.isEmpty ? "empty" : "\(actual)"
            switch op {
            case .equal: return "\(path) is \(shown), not \(expected)"
            case .notEqual: return "\(path) is still \(shown)"
            default: return "\(path) is \(shown); this step wants it \(op.rawValue) \(expected)"
            }
        }
    }

    /// "there is no model or dataset `rf` yet", or "`rf.test.accuracy` has no value yet" when `rf` exists.
    private static func missing(_ path: String, in session: Session) -> String {
        let owner = String(path.prefix { $0 != "." && $0 != "@" })
        let registered = (try? session.store.registeredModelNames()) ?? []
        let known = session.datasets[owner] != nil || session.models[owner] != nil || registered.contains(owner)
            || ["compare", "cv", "reproduce", "replay"].contains(owner)
        return known ? "\(path) has no value yet" : "there is nothing named `\(owner)` yet"
    }
}
