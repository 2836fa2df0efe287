import ArgumentParser
import Dispatch
import Engine
import Foundation
import Server

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the production version of every registered model over HTTP.",
        discussion: """
        Routes: POST /invocations (when one model is served) and POST /models/NAME/invocations with an MLflow-style \
        JSON body (dataframe_split, dataframe_records or instances) or text/csv; GET /ping, /health, /version, /models. \
        Bodies are limited to \(ModelServer.defaultMaximumBodyBytes / (1024 * 1024)) MB. Models are loaded once, at start, \
        from the store (--store, else $MLW_STORE, else .mlw).
        """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to bind; 127.0.0.1 keeps the server local.")
    var host = "127.0.0.1"

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let directory = storeOptions.directory
        let store = try storeOptions.open(directory)
        let models: [ServedModel]
        do {
            models = try ServedModel.production(in: store)
        } catch {
            printError("mlw serve: \(error)")
            throw ExitCode(1)
        }
        guard !models.isEmpty else {
            printError("mlw serve: no registered model in \(directory) has a production version; promote one: promote NAME@VERSION to production")
            throw ExitCode(1)
        }
        let server = ModelServer(models: models, mlwVersion: SessionFile.version)
        let (host, port) = (host, port)
        let served = models.map(\.reference).joined(separator: ", ")
        let failure = ServeFailure()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await server.run(host: host, port: port) { bound in
                    print("mlw serve: listening on http://\(host):\(bound), serving \(served)")
                    fflush(nil)
                }
            } catch {
                failure.record(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error {
            printError("mlw serve: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}

/// The error the server task ended with, read once it has finished.
private final class ServeFailure: @unchecked Sendable {
    private(set) var error: (any Error)?
    func record(_ error: any Error) { self.error = error }
}
