import Engine

/// A notebook as one self-contained HTML5 page: inline CSS, inline SVG, no script, nothing fetched.
struct HTMLPage {
    let notebook: Notebook

    init(_ notebook: Notebook) { self.notebook = notebook }

    func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="mlw \(SessionFile.version)">
        <title>\(notebook.title.htmlEscaped) — mlw</title>
        <style>
        \(HTMLStylesheet.css)
        </style>
        </head>
        <body>
        <header>
        <h1>\(notebook.title.htmlEscaped)</h1>

        """
        for detail in notebook.details { html += "<p>\(detail.htmlEscaped)</p>\n" }
        html += "<p class=\"summary\">\(notebook.summary.htmlEscaped)</p>\n</header>\n<main>\n"
        for cell in notebook.cells { html += HTMLCell(cell).render() }
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
