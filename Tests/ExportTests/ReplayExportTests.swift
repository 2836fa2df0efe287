import Engine
import Export
import Foundation
import Replay
import Testing

/// Session files replayed into notebooks: the typed events become tables and SVG charts.
@Suite struct ReplayExportTests {
    let iris = "\(packageRoot)/samples/data/iris.csv"

    private func replay(_ text: String, in directory: TemporaryDirectory) -> (RunReport, NotebookRecorder) {
        let file = directory.write("session.mlw", text)
        let notebook = NotebookRecorder(title: "session.mlw")
        let report = Runner(standardOutput: { _ in }, standardError: { _ in }).run(Runner.Options(file: file), notebook: notebook)
        return (report, notebook)
    }

    @Test func describeGivesATableWithAHistogramPerColumn() {
        let directory = TemporaryDirectory()
        let (report, notebook) = replay("load iris from \"\(iris)\" target=species\ndescribe iris\n", in: directory)
        #expect(report.status == .success)
        #expect(notebook.cells.map(\.number) == [1, 2])
        let page = notebook.page(.html)
        let describe = cellHTML(2, in: page)
        #expect(occurrences(of: "<table>", in: describe) == 2)
        #expect(occurrences(of: "class=\"chart chart-histogram\"", in: describe) == 5, "four numeric columns and the target's levels")
        #expect(describe.contains("<td>sepal_length_cm</td><td class=\"num\">150</td>"))
    }

    @Test func chartTablesKeepTheirTextExactlyAsRecorded() throws {
        let directory = TemporaryDirectory()
        let (_, notebook) = replay("""
            load iris from "\(iris)" target=species
            split iris into train, test seed=1
            train m = logistic on train
            plot confusion m on test
            explain m on test repeats=2
            plot roc m on test
            """, in: directory)
        let tables = notebook.cells.flatMap(\.output).compactMap { event -> Table? in
            if case .table(let table) = event { table } else { nil }
        }
        var charted = 0
        for table in tables {
            for (column, charts) in table.charts {
                for (row, chart) in charts.enumerated() {
                    guard let chart else { continue }
                    #expect(table.rows[row][column] == chart.text)
                    charted += 1
                }
            }
        }
        #expect(charted == 9 + 4, "nine confusion cells and four importance bars")
        let plots = notebook.cells[5].output.compactMap { event -> LinePlot? in
            if case .plot(let plot) = event { plot } else { nil }
        }
        #expect(plots.count == 1)
        #expect(plots.first?.series.count == 3)
        #expect(plots.first.map { OutputEvent.plot($0).lines(recorded: true).count } == 20)
        let page = notebook.page(.html)
        #expect(occurrences(of: "class=\"chart chart-shade\"", in: cellHTML(4, in: page)) == 9)
        #expect(occurrences(of: "<rect class=\"bar\"", in: cellHTML(5, in: page)) == 4)
        #expect(occurrences(of: "<polyline class=\"series\"", in: cellHTML(6, in: page)) == 3)
    }

    @Test func failedCommandsOfTheFileAndOfTheReplayAreFailedCells() {
        let directory = TemporaryDirectory()
        let (report, notebook) = replay("""
            # A comment about the session.
            load iris from "\(iris)" target=species
            #! failed: lod x
            #> error: unknown command `lod`
            #>   did you mean `load`?
            train m = tree on nowhere
            describe iris
            #> iris: 150 rows × 5 columns, target species (*)
            """, in: directory)
        #expect(report.status == .commandFailed)
        #expect(notebook.cells.map(\.status) == [.passed, .failed, .failed, .notRun])
        #expect(notebook.cells[0].comment == ["A comment about the session."])
        #expect(notebook.cells[1].isRecorded)
        #expect(notebook.cells[2].error.first?.contains("session.mlw:6:") == true)
        #expect(notebook.cells[3].output == [.line("iris: 150 rows × 5 columns, target species (*)")])
        let page = notebook.page(.html)
        #expect(page.contains("<div class=\"comment\"><p>A comment about the session.</p></div>"))
        #expect(occurrences(of: "<section class=\"cell failed\"", in: page) == 2)
        #expect(page.contains("4 commands, 2 failed, 1 not run"))
    }

    @Test func exportHTMLInASessionWritesTheCellsSoFar() throws {
        let directory = TemporaryDirectory()
        let out = directory.path + "/page.html"
        let markdown = directory.path + "/page.md"
        let (report, _) = replay("""
            load iris from "\(iris)" target=species
            print iris.rows
            export html "\(out)"
            export markdown "\(markdown)"
            """, in: directory)
        #expect(report.status == .success)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.contains("id=\"cell-2\""))
        #expect(!page.contains("id=\"cell-3\""), "the export itself is not on its own page")
        #expect(page.contains("<pre class=\"value\">150</pre>"))
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(text.contains("## [3]\n\n```mlw\nexport html"))
    }

    @Test func exportWithoutANotebookSaysHowToExportAFile() {
        let interpreter = Interpreter(session: Session())
        var output: [String] = []
        let result = interpreter.run(line: "export html \"x.html\"") { output += $0.lines(recorded: true) }
        guard case .ran(.failed(let problem)) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(problem.message == "this session keeps no notebook to export")
        #expect(problem.hint == "export a session file with: mlw export FILE.mlw --html x.html")
    }
}
