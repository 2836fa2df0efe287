import Foundation
import MLWTestSupport
import Store
import Testing

/// Starts `mlw run --store STORE FILE` in `directory` with its output discarded.
private func startRun(_ file: String, store: String, in directory: String, actor: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: mlwBinary)
    process.arguments = ["run", "--store", store, "--as", actor, file]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    return process
}

private func scratchDirectory() throws -> String {
    let directory = NSTemporaryDirectory() + "mlw-processes-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
}

/// Checks that every version's approval and stage are what its audit trail says, and that the database is sound.
private func expectConsistent(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for name in try store.registeredModelNames() {
        let events = try store.auditTrail(name)
        for version in try store.modelVersions(name) {
            let own = events.filter { $0.version == version.version }
            #expect(own.filter { $0.action == .register }.count == 1, "\(version.reference) register events", sourceLocation: sourceLocation)
            let decided = own.last { $0.action == .approve || $0.action == .reject }
            let status: ApprovalStatus = decided.map { $0.action == .approve ? .approved : .rejected } ?? .pending
            #expect(version.status == status, "\(version.reference) status", sourceLocation: sourceLocation)
            let staged = own.last { $0.toStage != nil && $0.action != .refuse }
            #expect(version.stage == staged?.toStage, "\(version.reference) stage", sourceLocation: sourceLocation)
        }
        #expect(try store.modelVersions(name).filter { $0.stage == .production }.count <= 1, sourceLocation: sourceLocation)
    }
}

@Suite("Two processes and a killed process on one store", .serialized)
struct StoreProcessTests {
    @Test func twoConcurrentRunsLoseNothingAndNumberVersionsUniquely() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rounds = 8
        var script = "load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species\nsplit iris into train, test seed=1\n"
        for round in 1...rounds {
            script += "train m\(round) = tree on train depth=\(round % 4 + 1)\nevaluate m\(round) on test\nregister m\(round) as shared\n"
        }
        try script.write(toFile: directory + "/work.mlw", atomically: true, encoding: .utf8)
        let store = directory + "/store"
        let processes = try ["ana", "ben"].map { try startRun("work.mlw", store: store, in: directory, actor: $0) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let opened = try Store.open(directory: store)
        #expect(try opened.runCount() == 2 * 2 * rounds)
        let versions = try opened.modelVersions("shared")
        #expect(versions.map(\.version) == Array(1...(2 * rounds)))
        #expect(Set(versions.map(\.createdBy)) == ["ana", "ben"])
        #expect(try opened.auditTrail("shared").filter { $0.action == .register }.count == 2 * rounds)
        try expectConsistent(opened)
    }

    @Test(arguments: [0.3, 0.8, 1.5])
    func aProcessKilledMidRegistryChangeLeavesOnlyWholeChanges(_ delay: Double) throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var script = "load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species\ntrain m = tree on iris\n"
        for _ in 1...3000 {
            script += "register m as churn\napprove churn@latest\npromote churn@latest to production\n"
        }
        try script.write(toFile: directory + "/loop.mlw", atomically: true, encoding: .utf8)
        let store = directory + "/store"
        let process = try startRun("loop.mlw", store: store, in: directory, actor: "ana")
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run ended before it was killed; make the loop longer")
        let opened = try Store.open(directory: store)
        try expectConsistent(opened)
        // The store takes new changes after the crash.
        let next = try opened.register(NewModelVersion(name: "churn", artifactSHA256: String(repeating: "d", count: 64),
                                                       algorithm: "tree", actor: "ben"))
        #expect(next.version == (try opened.modelVersions("churn").count))
    }
}
