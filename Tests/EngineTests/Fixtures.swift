import Engine
import Foundation
import Language

/// A temporary directory with files written into it, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "mlw-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The repository's root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Runs lines through a fresh interpreter, returning the recorded output of each and the last result.
struct Harness {
    let session: Session
    let interpreter: Interpreter

    init(session: Session = Session()) {
        self.session = session
        interpreter = Interpreter(session: session)
    }

    @discardableResult
    func run(_ line: String) -> (result: Interpreter.LineResult, output: [String]) {
        var output: [String] = []
        let result = interpreter.run(line: line) { output += $0.lines(recorded: true) }
        return (result, output)
    }

    /// The message of a line that must fail, or a note saying it did not.
    func error(_ line: String) -> String {
        switch run(line).result {
        case .ran(.failed(let diagnostic)): diagnostic.message
        case .invalid(let problems): problems.map(\.message).joined(separator: "; ")
        default: "<no error>"
        }
    }
}
