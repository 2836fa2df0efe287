import Foundation
import Replay
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Replays `text` from a temporary file, capturing both output streams.
final class Replayed {
    let file: String
    var output: [String] = []
    var errors: [String] = []
    var report: RunReport!

    init(_ text: String, parameters: [(name: String, value: String)] = [], check: Bool = true, fileName: String = "script.mlw") {
        let directory = NSTemporaryDirectory() + "mlw-replay-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        file = directory + "/" + fileName
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        let runner = Runner(standardOutput: { [unowned self] in output.append($0) }, standardError: { [unowned self] in errors.append($0) })
        report = runner.run(Runner.Options(file: file, parameters: parameters, check: check))
    }
}

let iris = "\(packageRoot)/samples/data/iris.csv"

@Suite("mlw run: exit codes, --check, -p")
struct RunnerTests {
    @Test func recordedOutputMatches() {
        let run = Replayed("""
        load iris from "\(iris)" target=species
        #> loaded iris: 150 rows × 5 columns from \(iris) (3.9 KB)
        #> version sha256:b6b8efc86732bc48c9fbddba53e2c191fd4f263c0ee98e2b1b7d3543e8d2121d
        #> target species: categorical, 3 classes → classification
        #> column            type         missing  values
        #> ────────────────  ───────────  ───────  ─────────────────────────────
        #> sepal_length_cm   numeric            0  4.3 … 7.9
        #> sepal_width_cm    numeric            0  2 … 4.4
        #> petal_length_cm   numeric            0  1 … 6.9
        #> petal_width_cm    numeric            0  0.1 … 2.5
        #> species (target)  categorical        0  setosa, versicolor, virginica
        print iris.rows
        #> 150
        """)
        #expect(run.errors == [], "\(run.errors)")
        #expect(run.report.status == .success)
    }

    @Test func aChangedLineIsADifference() {
        let run = Replayed("""
        print "hello"
        #> goodbye
        """)
        #expect(run.report.status == .checkDifference)
        #expect(run.errors == ["\(run.file):2: expected `goodbye`\n    got `hello`"])
    }

    @Test func missingAndExtraOutputAreDifferences() {
        let run = Replayed("print \"a\"\nprint \"b\"\n#> b\n#> c\n")
        #expect(run.report.status == .checkDifference)
        #expect(run.errors == [
            "\(run.file):1: unexpected output after the recorded lines\n    got `a`",
            "\(run.file):4: expected `c`\n    got no more output",
        ])
    }

    @Test func parseErrorsAreAllListedAndNothingRuns() {
        let run = Replayed("print \"ran\"\nlod x\nsplit a into b c\n", check: false)
        #expect(run.report.status == .commandFailed)
        #expect(run.output.isEmpty)
        #expect(run.errors.count == 3)
        #expect(run.errors[0].hasPrefix("\(run.file):2:1: error: unknown command `lod`"))
        #expect(run.errors[1].hasPrefix("\(run.file):3:16: error: expected `,` after `b`, found `c`"))
        #expect(run.errors[2] == "\(run.file): 2 errors; nothing was run")
    }

    @Test func aFailedCommandStopsTheRunWithItsCode() {
        let run = Replayed("print \"one\"\nshow nothing\nprint \"never\"\n", check: false)
        #expect(run.report.status == .commandFailed)
        #expect(run.output == ["one"])
        #expect(run.errors.first?.hasPrefix("\(run.file):2:6: error: unknown dataset `nothing`") == true)
        #expect(run.report.results.map(\.status).last == .skipped)
    }

    @Test func aFailedAssertHasItsOwnCode() {
        let run = Replayed("param x=3\nassert $x > 5\n", check: false)
        #expect(run.report.status == .assertionFailed)
        #expect(run.errors.first?.hasPrefix("\(run.file):2:8: assertion failed: $x > 5 does not hold") == true)
    }

    @Test func parametersOverrideDefaults() {
        let run = Replayed("param who=\"world\"\nprint $who\n", parameters: [("who", "mlw")], check: false)
        #expect(run.output == ["param who = mlw", "mlw"])
        #expect(run.report.status == .success)
    }

    @Test func anUnknownParameterIsAUsageError() {
        let run = Replayed("param ratio=0.8\n", parameters: [("ratoi", "0.5")], check: false)
        #expect(run.report.status == .usage)
        #expect(run.errors == ["mlw run: -p ratoi: \(run.file) has no `param ratoi=...`; did you mean `ratio`?"])
    }

    @Test func aMissingFileIsAUsageError() {
        let runner = Runner(standardOutput: { _ in }, standardError: { _ in })
        #expect(runner.run(Runner.Options(file: "/nonexistent/x.mlw")).status == .usage)
    }

    @Test func checkWithUpdateIsAUsageErrorThatChangesNothing() throws {
        var errors: [String] = []
        let run = Replayed("print \"a\"\n#> stale\n", check: false)
        let report = Runner(standardOutput: { _ in }, standardError: { errors.append($0) })
            .run(Runner.Options(file: run.file, check: true, update: true))
        #expect(report.status == .usage)
        #expect(errors.joined().contains("--check and --update cannot be combined"))
        #expect(try String(contentsOfFile: run.file, encoding: .utf8) == "print \"a\"\n#> stale\n")
    }

    @Test func junitGivesAFileThatDoesNotParseAnErrorWithTheMessageAndLine() {
        let run = Replayed("print \"a\"\nlod x\n")
        let xml = JUnitReport.xml([run.report])
        #expect(xml.contains("tests=\"1\" failures=\"0\" errors=\"1\""))
        #expect(xml.contains("<testcase classname=\"\(run.file)\" name=\"line 2: does not parse\""))
        #expect(xml.contains("<error type=\"parse\" message=\"\(run.file):2:1: error: unknown command"))
    }

    @Test func junitNamesEachCommand() {
        let run = Replayed("print \"a\"\n#> b\n")
        let xml = JUnitReport.xml([run.report])
        #expect(xml.contains("<testcase classname=\"\(run.file)\" name=\"line 1: print &quot;a&quot;\""))
        #expect(xml.contains("<failure type=\"check\""))
    }
}

@Suite("mlw run --update")
struct UpdateTests {
    @Test func aFileWrittenByUpdateNamesTheLinesItHasAfterwardsAndPassesCheck() throws {
        let directory = NSTemporaryDirectory() + "mlw-update-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/runs.mlw"
        try """
        load iris from "\(iris)" target=species
        train m = tree on iris depth=2
        runs
        run 1

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let runner = Runner(standardOutput: { _ in }, standardError: { _ in })
        #expect(runner.run(Runner.Options(file: file, update: true)).status == .success)
        let written = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let trainLine = try #require(written.firstIndex { $0.hasPrefix("train m") }) + 1
        #expect(written.contains { $0.hasPrefix("#> ") && $0.contains("runs.mlw:\(trainLine)") })
        var differences: [String] = []
        let check = Runner(standardOutput: { _ in }, standardError: { differences.append($0) }).run(Runner.Options(file: file, check: true))
        #expect(check.status == .success, "\(differences)")
    }

    @Test func aCommandThatFailsIsRecordedAsTheREPLRecordsItAndTheFileThenPassesCheck() throws {
        let run = Replayed("print \"a\"\nload x from \"/nonexistent/x.csv\"\nprint \"b\"\n", check: false)
        _ = Runner(standardOutput: { _ in }, standardError: { _ in }).run(Runner.Options(file: run.file, update: true))
        let written = try String(contentsOfFile: run.file, encoding: .utf8).components(separatedBy: "\n")
        #expect(written[2] == "#! failed: load x from \"/nonexistent/x.csv\"")
        #expect(written[3].hasPrefix("#> error: "))
        #expect(written.suffix(3) == ["print \"b\"", "#> b", ""])
        let check = Runner(standardOutput: { _ in }, standardError: { _ in }).run(Runner.Options(file: run.file, check: true))
        #expect(check.status == .success)
    }

    @Test func freshOutputReplacesTheRecordingAndAFailedCommandKeepsItsError() throws {
        let directory = NSTemporaryDirectory() + "mlw-update-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/script.mlw"
        try """
        print "fresh"
        #> stale
        #! failed: lod x
        #> error: unknown command `lod`
        #>   did you mean `load`?
        print "after"
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let report = Runner(standardOutput: { _ in }, standardError: { _ in }).run(Runner.Options(file: file, update: true))
        #expect(report.status == .success)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == """
        print "fresh"
        #> fresh
        #! failed: lod x
        #> error: unknown command `lod`
        #>   did you mean `load`?
        print "after"
        #> after

        """)
    }
}
