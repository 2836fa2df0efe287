import ArgumentParser
import Foundation
import Store

/// `--store PATH` and `--as NAME`, shared by `mlw` and `mlw run`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $MLW_STORE, else .mlw).", valueName: "PATH"))
    var store: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who registry decisions are recorded as (default: $USER).", valueName: "NAME"))
    var actor: String?

    /// The directory chosen by `--store`, else `$MLW_STORE`, else `.mlw`.
    var directory: String {
        store ?? ProcessInfo.processInfo.environment["MLW_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? ".mlw"
    }

    func validate() throws {
        if let actor, actor.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--as needs a name")
        }
    }

    /// Opens the store in `directory`, or exits with a message naming it.
    func open(_ directory: String) throws -> Store {
        do {
            return try Store.open(directory: directory)
        } catch {
            printError("mlw: cannot open the store in \(directory): \(error)")
            throw ExitCode(1)
        }
    }
}
