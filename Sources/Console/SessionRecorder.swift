import Engine
import Foundation

/// Writes the session to `sessions/YYYY-MM-DD-HHMMSS.mlw` as it happens, flushed after every command.
final class SessionRecorder {
    let path: String
    private let handle: FileHandle
    private(set) var commandCount = 0
    /// Lines written so far; the next command starts on the line after.
    private(set) var lineCount = 0

    init(directory: String, session: Session) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd-HHmmss"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var candidate = "\(directory)/\(formatter.string(from: session.startedAt)).mlw"
        var suffix = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(directory)/\(formatter.string(from: session.startedAt))-\(suffix).mlw"
            suffix += 1
        }
        path = candidate
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        self.handle = handle
        write(SessionFile.header(seed: session.initialSeed, startedAt: session.startedAt))
    }

    /// Appends the newest transcript entries and flushes them to disk.
    func record(_ entries: ArraySlice<TranscriptEntry>) {
        for entry in entries {
            write(entry.fileLines)
            commandCount += 1
        }
    }

    private func write(_ lines: [String]) {
        let text = lines.joined(separator: "\n") + "\n"
        lineCount += text.filter { $0 == "\n" }.count
        handle.write(Data(text.utf8))
        try? handle.synchronize()
    }

    /// Closes the file, removing it when nothing was recorded.
    func close() {
        try? handle.close()
        if commandCount == 0 { try? FileManager.default.removeItem(atPath: path) }
    }
}
