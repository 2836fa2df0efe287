import Foundation
import Language

/// `export html|markdown PATH`: the session so far as a page, from the cells the front end keeps.
enum NotebookExportCommand {
    static func export(_ context: CommandContext) throws(Diagnostic) -> Interpreter.Outcome {
        let formatSlot = context.command.slot("FORMAT")
        guard let format = formatSlot?.value.text.flatMap(NotebookFormat.init(rawValue:)) else {
            throw Diagnostic("expected html or markdown", at: formatSlot?.range ?? context.command.range)
        }
        let path = try context.text("PATH")
        guard let notebook = context.session.notebook else {
            throw Diagnostic("this session keeps no notebook to export", at: context.command.range,
                             hint: "export a session file with: mlw export FILE.mlw --\(format.rawValue) \(path.value)")
        }
        let page = notebook.page(format)
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path.value), options: .atomic)
        } catch {
            throw Diagnostic("cannot write \(path.value): \(error.localizedDescription)", at: path.range)
        }
        context.say("exported \(Formatting.count(notebook.cellCount, "command")) of this session to \(path.value) as \(format.displayName)")
        return .ok
    }
}
