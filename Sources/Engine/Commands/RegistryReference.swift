import Foundation
import Language
import Learning
import Store

/// A registered model as written: `churn@3`, `churn@production`, `churn@staging` or `churn@latest`.
struct RegistryReference: Equatable {
    enum Selector: Equatable {
        case version(Int)
        case stage(Stage)
        case latest
    }

    var name: String
    var selector: Selector
    var text: String

    static let selectors = ["staging", "production", "latest"]

    /// Parses `NAME@VERSION|STAGE`; nil when `text` has no `@`.
    static func parse(_ text: String, at range: SourceRange?) throws(Diagnostic) -> RegistryReference? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        let name = String(text[..<at])
        let selector = String(text[text.index(after: at)...])
        if let version = Int(selector), version >= 1 { return RegistryReference(name: name, selector: .version(version), text: text) }
        switch selector {
        case "staging": return RegistryReference(name: name, selector: .stage(.staging), text: text)
        case "production": return RegistryReference(name: name, selector: .stage(.production), text: text)
        case "latest": return RegistryReference(name: name, selector: .latest, text: text)
        default:
            throw Diagnostic("`\(text)` is not a registered model reference", at: range,
                             hint: Suggestion.hint(for: selector, in: selectors).map { "\($0) (after @)" }
                                ?? "write NAME@VERSION (\(name)@1) or NAME@STAGE (\(name)@production, \(name)@staging, \(name)@latest)")
        }
    }

    /// The version this reference names now.
    func resolve(in store: Store, at range: SourceRange?) throws(Diagnostic) -> ModelVersionRecord {
        let found: ModelVersionRecord?
        do {
            switch selector {
            case .version(let version): found = try store.modelVersion(name, version: version)
            case .stage(let stage): found = try store.modelVersion(name, stage: stage)
            case .latest: found = try store.latestModelVersion(name)
            }
        } catch {
            throw Diagnostic("cannot read the registry: \(error)", at: range)
        }
        if let found { return found }
        let versions = (try? store.modelVersions(name)) ?? []
        guard !versions.isEmpty else {
            let known = (try? store.registeredModelNames()) ?? []
            throw Diagnostic("no registered model `\(name)`", at: range,
                             hint: Suggestion.hint(for: name, in: known)
                                ?? (known.isEmpty ? "register one first: register MODEL as \(name)" : "registered: " + known.joined(separator: ", ")))
        }
        switch selector {
        case .version(let version):
            throw Diagnostic("\(name) has no version \(version)", at: range, hint: "versions: 1 to \(versions.count)")
        case .stage(let stage):
            throw Diagnostic("\(name) has no version in \(stage.rawValue)", at: range,
                             hint: "promote one: promote \(name)@\(versions.last!.version) to \(stage.rawValue)")
        case .latest:
            throw Diagnostic("\(name) has no versions", at: range)
        }
    }
}

extension CommandContext {
    /// A registered version loaded as a session model: its artifact read from the store and verified.
    func registeredModel(_ reference: RegistryReference, at range: SourceRange?) throws(Diagnostic) -> SessionModel {
        let version = try reference.resolve(in: store, at: range)
        let model: TrainedModel
        do {
            model = try TrainedModel(jsonData: try store.object(sha256: version.artifactSHA256))
        } catch {
            throw Diagnostic("cannot load \(version.reference): \(error)", at: range,
                             hint: "the artifact in \(store.directory)/objects must match its SHA-256; register the model again")
        }
        let run = version.runID.flatMap { try? store.run(id: $0) }
        let data = run?.data.first
        return SessionModel(name: reference.text, model: model, trainedOn: data?.role ?? "", dataVersion: data?.sha256 ?? "",
                            runID: version.runID, artifactSHA256: version.artifactSHA256)
    }
}
