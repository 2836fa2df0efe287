import Foundation
import Language
import Learning
import Store

/// Logging runs and artifacts to the session's store.
extension CommandContext {
    var store: Store { session.store }

    /// A run of this command, made by the session file and line being run.
    func newRun(_ kind: RunKind, algorithm: Algorithm, parameters: [String: ParameterValue], seed: UInt64?,
                data: [Dataset], metrics: [String: Double], started: Date, modelName: String? = nil,
                artifact: String? = nil) -> NewRun {
        NewRun(kind: kind, algorithm: algorithm.rawValue, parameters: parameters.mapValues(\.description), seed: seed,
               data: data.map { RunDataRef(sha256: $0.version, role: $0.name, recipe: $0.recipe.json) },
               metrics: metrics.filter { $0.value.isFinite }, durationSeconds: max(0, Date().timeIntervalSince(started)),
               mlwVersion: SessionFile.version, sessionFile: session.sourceFile, sessionLine: session.sourceLine,
               modelName: modelName, artifactSHA256: artifact)
    }

    /// Logs `run` and returns its id; a store failure fails the command.
    func log(_ run: NewRun) throws(Diagnostic) -> Int64 {
        do {
            let id = try store.logRun(run)
            session.lastRunID = id
            return id
        } catch {
            throw storeFailure(error, doing: "log the run")
        }
    }

    /// Stores the model's artifact (its canonical JSON) by content and returns its SHA-256.
    func storeArtifact(_ model: TrainedModel) throws(Diagnostic) -> String {
        do {
            return try store.putObject(try model.jsonData())
        } catch {
            throw storeFailure(error, doing: "store the model")
        }
    }

    /// A store or encoding error as a diagnostic on the command.
    func storeFailure(_ error: any Error, doing what: String) -> Diagnostic {
        Diagnostic("cannot \(what): \(error)", at: command.range)
    }
}
