import ArgumentParser
import Dispatch
import Engine
import Foundation
import Server

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the deployed models of the store over HTTP.",
        discussion: """
        Routes: POST /invocations (when one model is served) and POST /models/NAME/invocations with an MLflow-style \
        JSON body (dataframe_split, dataframe_records or instances) or text/csv; GET /ping, /health, /version, /models \
        (versions, strategy, traffic split), /metrics (Prometheus); POST /models/NAME/deploy and /models/NAME/rollback \
        (behind the bearer token when --token or $MLW_TOKEN is set). Bodies are limited to \
        \(ModelServer.defaultMaximumBodyBytes / (1024 * 1024)) MB. The server follows the store (--store, else $MLW_STORE, \
        else .mlw): deploy, promote and rollback from any mlw take effect within half a second, without a restart.
        """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to bind; 127.0.0.1 keeps the server local.")
    var host = "127.0.0.1"

    @Option(help: "Bearer token the deploy and rollback routes require (default: $MLW_TOKEN).")
    var token: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let directory = storeOptions.directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("mlw serve: no store in \(directory): the directory does not exist; give --store the directory "
                       + "that `mlw` or `mlw run` wrote (.mlw in their working directory)")
            throw ExitCode(1)
        }
        let store = try storeOptions.open(directory)
        let state: ServingState
        do {
            state = try ServingState(store: store)
        } catch {
            printError("mlw serve: \(error)")
            throw ExitCode(1)
        }
        let token = (token ?? ProcessInfo.processInfo.environment["MLW_TOKEN"]).flatMap { $0.isEmpty ? nil : $0 }
        if token == nil, !["127.0.0.1", "localhost", "::1"].contains(host) {
            printError("mlw serve: warning: \(host) is reachable from other machines and deploy/rollback have no token; set --token or MLW_TOKEN")
        }
        let server = ModelServer(state: state, mlwVersion: SessionFile.version, token: token)
        let (host, port) = (host, port)
        let served = state.summary
        let failure = ServeFailure()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await server.run(host: host, port: port) { bound in
                    print("mlw serve: listening on http://\(host):\(bound), serving \(served.isEmpty ? "nothing yet (promote a version to production)" : served)")
                    fflush(nil)
                }
            } catch {
                failure.record(error)
            }
            finished.signal()
        }
        Task.detached { await state.follow { printError("mlw serve: \($0)") } }
        finished.wait()
        try? server.flushCaptures()
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
