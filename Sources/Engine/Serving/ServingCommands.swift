import Foundation
import Language
import Learning
import Store

/// `serve`, `deploy`, `send` and `traffic`: the HTTP endpoint of a session and how it routes requests.
enum ServingCommands {
    static func serve(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        guard let endpoint = context.session.endpoint else {
            throw Diagnostic("this session cannot start an endpoint", at: context.command.range, hint: "run `mlw serve` in a terminal")
        }
        if let url = endpoint.baseURL {
            throw Diagnostic("the endpoint is already serving on \(url)", at: context.command.range,
                             hint: "send DATA to NAME talks to it; `traffic NAME` shows what it saw")
        }
        let port = try context.integer("port") ?? 8080
        let host = try context.string("host") ?? "127.0.0.1"
        let bound: Int
        do {
            bound = try endpoint.start(host: host, port: port, store: context.store)
        } catch {
            throw Diagnostic("cannot serve on \(host):\(port): \(error)", at: context.command.range,
                             hint: port == 0 ? nil : "another program may hold the port; try serve port=0 for a free one")
        }
        let url = "http://\(host):\(bound)"
        let shown: Segment = port == 0 ? .volatile(shown: url, recorded: "http://\(host):<port>") : .plain(url)
        context.say(Text([.plain("serving on "), shown]))
        let lines = try deploymentLines(context)
        if lines.isEmpty {
            context.say("nothing is in production yet; promote NAME@N to production, and the endpoint picks it up")
        }
        for line in lines { context.say("  " + line) }
        context.say(Text([.plain("routes: POST "), shown, .plain("/models/NAME/invocations (JSON or CSV); GET /models, /metrics, /health")]))
        return .ok
    }

    static func deploy(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        let strategy = DeploymentStrategy(rawValue: try context.string("strategy") ?? "direct") ?? .direct
        let percentOption = try context.option("percent")
        let captureOption = try context.option("capture")
        let deployment = NewDeployment(modelName: name.value, strategy: strategy, percent: try context.integer("percent"),
                                       capture: try context.integer("capture"), actor: context.session.actor,
                                       note: try context.string("note"))
        do {
            try deployment.validate()
        } catch {
            let percentProblem = "\(error)".contains("percent")
            throw Diagnostic("\(error)", at: (percentProblem ? percentOption : captureOption)?.range ?? name.range,
                             hint: percentProblem && strategy == .canary ? "percent= takes 1 to 99 for a canary" : nil)
        }
        let record: DeploymentRecord
        do {
            record = try context.store.deploy(deployment)
        } catch {
            throw Diagnostic("cannot deploy \(name.value): \(error)", at: name.range)
        }
        try refreshEndpoint(context)
        context.say("deployed \(name.value): \(record.summary); capturing \(record.capture) % of requests")
        if context.session.endpoint?.baseURL == nil {
            context.say("the endpoint follows the store: `serve` here, or `mlw serve` elsewhere, routes this way")
        }
        return .ok
    }

    static func send(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let data = try DataCommands.dataset("DATA", context)
        let name = try context.text("NAME")
        let urlOption = try context.string("url")
        let local = context.session.endpoint?.baseURL
        guard let base = urlOption ?? local, let endpoint = context.session.endpoint else {
            throw Diagnostic("no endpoint to send to", at: context.command.range,
                             hint: "start one with `serve`, or give url=\"http://HOST:PORT\" of a running `mlw serve`")
        }
        if urlOption == nil { try requireRegistered(name, context) }
        let rows = min(try context.integer("rows") ?? data.frame.rowCount, data.frame.rowCount)
        let batch = try context.integer("batch") ?? 1
        guard rows > 0 else { throw Diagnostic("\(data.name) has no rows to send", at: context.command.slot("DATA")?.range) }
        let bodies = stride(from: 0, to: rows, by: batch).map { start in
            ScoringBody.dataframeSplit(data.frame, rows: start..<min(start + batch, rows))
        }
        let url = base.trimmingSuffix("/") + "/models/\(name.value)/invocations"
        let replies: [HTTPReply]
        do {
            replies = try endpoint.post(bodies, to: url, contentType: "application/json")
            if urlOption == nil || urlOption == local { try endpoint.flush() }
        } catch {
            throw Diagnostic("cannot send to \(url): \(error)", at: context.command.range)
        }
        let summary = SendSummary(replies)
        context.say("sent \(Formatting.count(rows, "row")) of \(data.name) to \(name.value) in \(Formatting.count(bodies.count, "request")): "
                    + (summary.failures.isEmpty ? "all answered" : "\(Formatting.count(summary.failures.count, "error"))"))
        if !summary.answered.isEmpty {
            let rows = summary.answered.sorted { $0.key < $1.key }.map { version, count in
                ["\(name.value)@\(version)", String(count), Formatting.percent(Double(count) / Double(bodies.count))]
            }
            context.emit(.table(Table(columns: [.init("answered by"), .init("requests", .right), .init("share", .right)], rows: rows)))
        }
        if let first = summary.failures.first {
            throw Diagnostic("\(Formatting.count(summary.failures.count, "request")) refused; the first (HTTP \(first.status)): \(first.message)",
                             at: context.command.range)
        }
        return .ok
    }

    static func traffic(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let name = try context.text("NAME")
        guard let endpoint = context.session.endpoint, endpoint.baseURL != nil else {
            throw Diagnostic("the endpoint is not running in this session", at: context.command.range,
                             hint: "start it with `serve`; a separate `mlw serve` shows the same on GET /metrics")
        }
        try requireRegistered(name, context)
        do { try endpoint.flush() } catch { throw context.storeFailure(error, doing: "store the captured requests") }
        if let deployment = try? context.store.currentDeployment(name.value) {
            context.say("\(name.value): \(deployment.summary); capturing \(deployment.capture) %; counts since the endpoint started")
        }
        guard let traffic = endpoint.traffic(name.value), !traffic.versions.isEmpty else {
            context.say("no requests for \(name.value) yet: send DATA to \(name.value)")
            return .ok
        }
        context.emit(.table(TrafficTable.table(traffic)))
        for line in TrafficTable.predictedClasses(traffic) { context.say(line) }
        if traffic.shadowRows > 0 {
            context.say("shadow agreed with production on \(traffic.shadowAgreements) of \(Formatting.count(traffic.shadowRows, "row")) "
                        + "(\(Formatting.percent(Double(traffic.shadowAgreements) / Double(traffic.shadowRows))))")
        }
        return .ok
    }

    /// Refuses a model name this session's store has not registered, before any request is sent or counted.
    private static func requireRegistered(_ name: Located<String>, _ context: CommandContext) throws(Diagnostic) {
        let names: [String]
        do { names = try context.store.registeredModelNames() } catch { throw context.storeFailure(error, doing: "read the registry") }
        guard !names.contains(name.value) else { return }
        throw Diagnostic("no registered model `\(name.value)` in this store", at: name.range,
                         hint: Suggestion.hint(for: name.value, in: names)
                            ?? (names.isEmpty ? "register and promote a model first" : "registered: " + names.joined(separator: ", ")))
    }

    /// After a registry or deployment change, so the session's running endpoint routes the new way at once.
    static func refreshEndpoint(_ context: CommandContext) throws(Diagnostic) {
        do {
            try context.session.endpoint?.refresh()
        } catch {
            throw Diagnostic("the endpoint cannot load the new routes (it keeps the old ones): \(error)", at: context.command.range)
        }
    }

    /// One line per model in production: its deployment.
    private static func deploymentLines(_ context: CommandContext) throws(Diagnostic) -> [String] {
        do {
            let deployments = Dictionary(uniqueKeysWithValues: try context.store.currentDeployments().map { ($0.modelName, $0) })
            return try context.store.registeredModelNames().compactMap { name in
                guard let production = try context.store.modelVersion(name, stage: .production) else { return nil }
                return deployments[name]?.summary ?? "direct: every request to \(production.reference)"
            }
        } catch {
            throw context.storeFailure(error, doing: "read the deployments")
        }
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
