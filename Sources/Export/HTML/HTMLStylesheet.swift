/// The page's only style: inline, with system fonts, so the page needs nothing from the network.
enum HTMLStylesheet {
    static let css = """
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --rule: #edf0f4;
            --paper: #ffffff; --code: #f6f8fa; --accent: #2563eb; --fail: #b42318; --fail-bg: #fef3f2; --warn: #9a6700; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f3f5f8; color: var(--ink);
           font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    header, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; padding-bottom: 4px; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    header p { color: var(--muted); margin: 0; font-size: 13px; }
    main { padding-bottom: 40px; }
    pre, code, table { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; }
    pre { font-size: 13px; line-height: 1.45; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .cell { display: grid; grid-template-columns: 64px minmax(0, 1fr); column-gap: 8px; margin: 12px 0; }
    .comment { grid-column: 2; color: var(--muted); font-size: 14px; margin: 14px 0 4px; }
    .comment p { margin: 0 0 6px; }
    .comment code { font-size: 13px; background: #e8ecf2; padding: 0 3px; border-radius: 3px; }
    .number { grid-column: 1; margin: 0; font: 13px/1.4 ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; color: var(--muted);
              text-align: right; padding-top: 9px; }
    .card { grid-column: 2; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
    .head { display: flex; align-items: flex-start; gap: 10px; background: var(--code); border-bottom: 1px solid var(--line); }
    .source { flex: 1; margin: 0; padding: 8px 12px; font-weight: 600; }
    .badge { margin: 8px 10px 0 0; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
             background: var(--fail-bg); color: var(--fail); border: 1px solid #f4b4ae; white-space: nowrap; }
    .output { padding: 6px 12px; }
    .output:empty { display: none; }
    .note { margin: 6px 12px 0; font-size: 12px; color: var(--muted); }
    .warning { color: var(--warn); }
    .echo { color: var(--muted); }
    .guide { color: #1a7f37; border-left: 3px solid #1a7f37; padding-left: 8px; white-space: pre-wrap; }
    .value { font-weight: 600; }
    .error { margin: 0; padding: 8px 12px; color: var(--fail); background: var(--fail-bg); border-top: 1px solid #f4b4ae; }
    .cell.failed .card { border-color: #f4b4ae; }
    .cell.failed .number { color: var(--fail); font-weight: 600; }
    .cell.not-run .card { opacity: 0.65; }
    .table-wrap { overflow-x: auto; margin: 6px 0; }
    table { border-collapse: collapse; font-size: 12.5px; line-height: 1.35; }
    th, td { padding: 3px 10px; text-align: left; white-space: nowrap; vertical-align: middle; border-bottom: 1px solid var(--rule); }
    th { border-bottom: 1px solid #c5ccd8; font-weight: 600; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.chart-cell { line-height: 0; padding-top: 2px; padding-bottom: 2px; }
    figure { margin: 8px 0; }
    svg.chart { display: inline-block; vertical-align: middle; }
    @media print { body { background: #fff; } .card { break-inside: avoid; } }
    """
}
