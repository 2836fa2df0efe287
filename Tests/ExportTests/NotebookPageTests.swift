import Engine
import Export
import Language
import Testing

/// The page made from cells: numbering, tables, charts, failures, escaping, Markdown.
@Suite struct NotebookPageTests {
    private func recorder(_ cells: [(String, [OutputEvent])]) -> NotebookRecorder {
        let recorder = NotebookRecorder(title: "test session")
        for (source, output) in cells { recorder.record(source, output: output) }
        return recorder
    }

    @Test func cellsAreNumberedInTheOrderTheyRan() {
        let page = recorder([("load a", [.line("one")]), ("load b", [.line("two")]), ("load c", [.line("three")])]).page(.html)
        let positions = (1...3).map { page.range(of: "id=\"cell-\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(occurrences(of: "<section class=\"cell passed\"", in: page) == 3)
        #expect(cellHTML(2, in: page).contains("[2]"))
        #expect(cellHTML(2, in: page).contains("load b"))
        #expect(cellHTML(3, in: page).contains("three"))
    }

    @Test func aTableIsATableWithItsCells() {
        let table = Table(columns: [.init("model"), .init("accuracy", .right)], rows: [["lr", "0.9667"], ["base", "0.3333"]])
        let page = recorder([("evaluate lr, base on test", [.line("on test (30 rows):"), .table(table)])]).page(.html)
        #expect(occurrences(of: "<table>", in: page) == 1)
        #expect(page.contains("<thead><tr><th>model</th><th class=\"num\">accuracy</th></tr></thead>"))
        #expect(bodyRows(of: page) == [["lr", "0.9667"], ["base", "0.3333"]])
        #expect(!page.contains("─"), "no text rule is drawn for a real table")
    }

    @Test func barsInATableAreSVGBarsOnePerRow() {
        let bars: [CellChart?] = [.bar(value: 0.5, top: 0.5, width: 30), .bar(value: 0.25, top: 0.5, width: 30), .bar(value: 0, top: 0.5, width: 30)]
        let table = Table(columns: [.init("feature"), .init("")], rows: [["a", bars[0]!.text], ["b", bars[1]!.text], ["c", ""]],
                          charts: [1: bars])
        let page = recorder([("explain m on d", [.table(table)])]).page(.html)
        #expect(occurrences(of: "<svg", in: page) == 3)
        #expect(occurrences(of: "class=\"chart chart-bar\"", in: page) == 3)
        #expect(occurrences(of: "<rect class=\"bar\"", in: page) == 3)
        #expect(page.contains("id=\"chart-1-1\"") && page.contains("id=\"chart-1-3\""))
        #expect(page.contains("<rect class=\"bar\" x=\"0\" y=\"3\" width=\"150\""), "a bar at the top is the full 30 × 5 px")
        #expect(page.contains("<rect class=\"bar\" x=\"0\" y=\"3\" width=\"75\""))
        #expect(!page.contains("█"), "the block characters give way to the SVG")
    }

    @Test func aHistogramDrawsOneBinPerNonEmptyCount() {
        let histogram = CellChart.histogram([3, 0, 8, 1])
        let table = Table(columns: [.init("numeric"), .init("histogram")], rows: [["x", histogram.text]], charts: [1: [histogram]])
        let page = recorder([("describe d", [.table(table)])]).page(.html)
        let svg = slice(page, from: "<svg", to: "</svg>") ?? ""
        #expect(svg.contains("class=\"chart chart-histogram\""))
        #expect(occurrences(of: "<rect class=\"bin\"", in: svg) == 3)
        #expect(svg.contains("counts 3 0 8 1"))
    }

    @Test func aConfusionMatrixShadesEveryCountCell() {
        let cells: [[CellChart]] = [[.shade(count: 9, top: 9), .shade(count: 0, top: 9)], [.shade(count: 2, top: 9), .shade(count: 7, top: 9)]]
        let table = Table(columns: [.init("truth \\ predicted"), .init("no", .right), .init("yes", .right)],
                          rows: cells.enumerated().map { [["no", "yes"][$0.offset]] + $0.element.map(\.text) },
                          charts: [1: cells.map { $0[0] }, 2: cells.map { $0[1] }])
        let page = recorder([("plot confusion m on d", [.table(table)])]).page(.html)
        #expect(occurrences(of: "class=\"chart chart-shade\"", in: page) == 4)
        #expect(page.contains(">9</text>") && page.contains(">0</text>") && page.contains(">7</text>"))
        #expect(bodyRows(of: page).map(\.first) == ["no", "yes"])
    }

    @Test func aPlotIsOneSVGWithAPolylineOfEveryPoint() {
        var plot = LinePlot(xLabel: "false positive rate", yLabel: "true positive rate")
        plot.series = [
            .init(mark: "●", label: "a vs rest: AUC 0.9000", points: [.init(0, 0), .init(0.1, 0.8), .init(0.5, 0.95), .init(1, 1)]),
            .init(mark: "■", label: "b vs rest: AUC 0.7000", points: [.init(0, 0), .init(1, 1)]),
        ]
        let page = recorder([("plot roc m on d", [.line("ROC curve of m on d"), .plot(plot), .line("● a vs rest: AUC 0.9000")])]).page(.html)
        #expect(occurrences(of: "<svg", in: page) == 1)
        let polylines = page.components(separatedBy: "<polyline class=\"series\" points=\"").dropFirst()
            .map { $0.prefix { $0 != "\"" }.split(separator: " ").count }
        #expect(polylines == [4, 2])
        #expect(page.contains("b vs rest: AUC 0.7000</text>"))
        #expect(page.contains("false positive rate</text>"))
        #expect(!page.contains("┤"), "the character grid gives way to the SVG")
    }

    @Test func aFailedCommandIsAFailedCellWithItsError() {
        let recorder = recorder([("load a", [.line("loaded a")])])
        let problem = Diagnostic("unknown algorithm `forrest`", at: SourceRange(line: 1, column: 11, length: 7), hint: "did you mean `forest`?")
        recorder.record("train m = forrest on a", output: [], failure: problem,
                        errorLines: problem.rendered(sourceLine: "train m = forrest on a"))
        recorder.record("assert m.a.f1 > 2", output: [], failure: Diagnostic("m.a.f1 = 0.5 is not > 2", kind: .assertion))
        let page = recorder.page(.html)
        #expect(page.contains("<section class=\"cell passed\" id=\"cell-1\">"))
        #expect(page.contains("<section class=\"cell failed\" id=\"cell-2\">"))
        #expect(page.contains("<section class=\"cell failed\" id=\"cell-3\">"))
        let failed = cellHTML(2, in: page)
        #expect(failed.contains("<span class=\"badge\">failed</span>"))
        #expect(failed.contains("<pre class=\"error\">1:11: error: unknown algorithm `forrest`\n  train m = forrest on a\n"))
        #expect(failed.contains("^^^^^^^"))
        #expect(failed.contains("did you mean `forest`?"))
        #expect(cellHTML(3, in: page).contains("<span class=\"badge\">assertion failed</span>"))
        #expect(page.contains("3 commands, 2 failed"))
    }

    @Test func aFailureRecordedInTheFileKeepsItsOutputAndError() {
        let recorder = NotebookRecorder(title: "t")
        recorder.recordFromFile("lod x", lines: ["error: unknown command `lod`", "  did you mean `load`?"], failed: true)
        recorder.recordFromFile("describe x", lines: ["x: 3 rows"], failed: false)
        #expect(recorder.cells.map(\.status) == [.failed, .notRun])
        #expect(recorder.cells[0].error == ["error: unknown command `lod`", "  did you mean `load`?"])
        let page = recorder.page(.html)
        #expect(page.contains("failed when it was recorded"))
        #expect(page.contains("<section class=\"cell not-run\" id=\"cell-2\">"))
    }

    @Test func outputIsEscaped() {
        let table = Table(columns: [.init("a<b>")], rows: [["x & y"]])
        let page = recorder([("print \"<script>\"", [.value("<script>alert(1)</script>"), .line("1 < 2 & 3 > 2"), .table(table),
                                                      .warning("\"quoted\" & 'single'")])]).page(.html)
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("1 &lt; 2 &amp; 3 &gt; 2"))
        #expect(page.contains("<th>a&lt;b&gt;</th>"))
        #expect(page.contains("<td>x &amp; y</td>"))
        #expect(page.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
        #expect(page.contains("<code>print &quot;&lt;script&gt;&quot;</code>"))
    }

    @Test func thePageNeedsNothingFromTheNetwork() {
        let page = recorder([("load a", [.line("see http://example.com")])]).page(.html)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
        #expect(!page.contains("src="))
        #expect(!page.contains("@import"))
        #expect(!page.contains("url("))
    }

    @Test func markdownHasACellPerCommandAndPipeTables() {
        let table = Table(columns: [.init("model"), .init("f1", .right), .init("")], rows: [["lr|x", "0.9", "████"]])
        let recorder = recorder([("evaluate lr on test", [.line("on test:"), .table(table)])])
        recorder.record("lod x", output: [], failure: Diagnostic("unknown command `lod`"))
        let markdown = recorder.page(.markdown)
        #expect(markdown.hasPrefix("# test session\n"))
        #expect(markdown.contains("## [1]\n\n```mlw\nevaluate lr on test\n```\n\n```text\non test:\n```"))
        #expect(markdown.contains("| model | f1 |   |\n| --- | ---: | --- |\n| lr\\|x | 0.9 | ████ |"))
        #expect(markdown.contains("## [2] — failed\n\n```mlw\nlod x\n```\n\n```text\nerror: unknown command `lod`\n```"))
    }

    @Test func markdownFencesOutlastBackticksInTheOutput() {
        let markdown = recorder([("print x", [.value("```")])]).page(.markdown)
        #expect(markdown.contains("````text\n```\n````"))
    }
}
