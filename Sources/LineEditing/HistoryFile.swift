#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The history file: one entry a line (`\`, newline and carriage return
/// escaped), appended to after each entry so a killed session loses nothing.
///
/// Plain text rather than libedit's `write_history` format: libedit's
/// `history_truncate_file` cuts off the `_HiStOrY_V2_` header that its
/// `read_history` then requires, and `write_history` rewrites the whole file.
struct HistoryFile {
    let path: String
    /// How many entries are loaded; the file is cut back to this many once it holds twice as many.
    let limit: Int

    /// The newest `limit` entries, oldest first. Empty when the file is missing or unreadable.
    func load() -> [String] {
        guard let bytes = Self.readAll(path) else { return [] }
        let entries = bytes.split(separator: UInt8(ascii: "\n"))
            .map { Self.decode(String(decoding: $0, as: UTF8.self)) }
            .filter { !$0.isEmpty }
        let kept = Array(entries.suffix(limit))
        if entries.count > 2 * limit { rewrite(kept) }
        return kept
    }

    /// Appends one entry with a single `write` (atomic for `O_APPEND`); errors are ignored.
    func append(_ entry: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = Self.writeAll(fd, Array((Self.encode(entry) + "\n").utf8))
        close(fd)
    }

    /// Replaces the file's content atomically (temporary file, then `rename`).
    private func rewrite(_ entries: [String]) {
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let text = entries.map { Self.encode($0) + "\n" }.joined()
        let written = Self.writeAll(fd, Array(text.utf8))
        close(fd)
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    static func encode(_ entry: String) -> String {
        var out = ""
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}
