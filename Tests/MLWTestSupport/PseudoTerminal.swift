#if canImport(Glibc)
import Glibc

/// Runs a program on a pseudo-terminal, as a person at a terminal would:
/// type with ``send(_:)``, read the screen's text with ``waitFor(_:timeout:)``.
///
/// The child is the leader of a new session with the terminal as its
/// controlling terminal, so `"\u{03}"` (Ctrl-C) delivers SIGINT to it.
/// Every wait is bounded; `deinit` kills a child that is still running.
/// ```swift
/// let terminal = try PseudoTerminal(executable: mlwPath, arguments: [],
///                                   environment: ["HOME": home], workingDirectory: dir)
/// try terminal.waitFor("mlw [1]> ")
/// terminal.send("desc\t")
/// try terminal.waitFor("describe")
/// terminal.send(PseudoTerminal.Key.ctrlD)
/// #expect(try terminal.waitForExit() == 0)
/// ```
public final class PseudoTerminal {
    /// Keys as a terminal sends them.
    public enum Key {
        public static let enter = "\r"
        public static let tab = "\t"
        public static let up = "\u{1B}[A"
        public static let down = "\u{1B}[B"
        public static let right = "\u{1B}[C"
        public static let left = "\u{1B}[D"
        public static let ctrlA = "\u{01}"
        public static let ctrlC = "\u{03}"
        public static let ctrlD = "\u{04}"
        public static let ctrlE = "\u{05}"
        public static let ctrlR = "\u{12}"
        public static let ctrlU = "\u{15}"
        public static let backspace = "\u{7F}"
        public static let escape = "\u{1B}"
    }

    /// The child's process id.
    public let processID: pid_t
    private let master: Int32
    private let slave: Int32  // held open so reads never fail while the child starts; exit is seen by waitpid
    private var screen: TerminalScreen
    /// Every byte the program wrote, escape sequences included (for debugging a test).
    public private(set) var rawOutput: [UInt8] = []
    private var consumed = 0  // bytes of the transcript that waitFor has matched past
    private var exitStatus: Int32?

    /// Starts `executable` (a path, or a name looked up in this process's PATH).
    ///
    /// `environment` is the child's whole environment, plus `TERM=xterm` when it has no `TERM`.
    /// - Throws: ``PseudoTerminalError`` when the terminal or the process cannot be created.
    public init(
        executable: String, arguments: [String], environment: [String: String],
        workingDirectory: String, columns: Int = 100, rows: Int = 40
    ) throws {
        let libc = LibC.shared
        let master = libc.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw PseudoTerminalError.system("posix_openpt") }
        var name = [CChar](repeating: 0, count: 256)
        guard libc.grantpt(master) == 0, libc.unlockpt(master) == 0,
              libc.ptsname_r(master, &name, name.count) == 0
        else {
            close(master)
            throw PseudoTerminalError.system("grantpt/unlockpt/ptsname_r")
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            close(master)
            throw PseudoTerminalError.system("open \(path)")
        }
        var size = winsize(
            ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, path, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        _ = libc.addchdir(&actions, workingDirectory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | LibC.spawnSetsid))

        var environment = environment
        if environment["TERM"] == nil { environment["TERM"] = "xterm" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            close(slave)
            throw PseudoTerminalError(message: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.processID = pid
        self.master = master
        self.slave = slave
        self.screen = TerminalScreen(columns: columns, rows: rows)
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        close(master)
        close(slave)
    }

    /// The text the program has shown so far, as a terminal with unlimited
    /// scrollback would show it: escape sequences applied (cursor moves,
    /// erases), lines joined by "\n" without trailing blanks.
    public var output: String {
        pump(timeout: 0)
        return screen.text
    }

    /// Types `text` (raw bytes: `"\t"`, ``Key/up``, ``Key/ctrlC``…).
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        let deadline = ContinuousClock.now + .seconds(10)
        while offset < bytes.count && ContinuousClock.now < deadline {
            let count = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 {
                offset += count
            } else if count < 0 && errno != EAGAIN && errno != EINTR {
                return  // the terminal is gone
            } else {
                pump(timeout: 0.01)  // the child may be blocked writing to us
            }
        }
    }

    /// Types `text` and Return.
    public func sendLine(_ text: String) {
        send(text + Key.enter)
    }

    /// Waits until `text` appears in the output after the previous match, and
    /// returns the output from there up to the end of this match (like pexpect:
    /// each wait consumes what it matched).
    /// - Throws: ``PseudoTerminalError`` with the output so far, after `timeout`
    ///   seconds or as soon as the program has exited without writing `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            pump(timeout: 0)
            let transcript = Array(screen.text.utf8)
            consumed = min(consumed, transcript.count)
            if let end = Self.find(needle, in: transcript, from: consumed) {
                let matched = String(decoding: transcript[consumed..<end], as: UTF8.self)
                consumed = end
                return matched
            }
            let exited = exitStatus != nil
            if exited || ContinuousClock.now >= deadline {
                let why = exited ? "the program exited (\(exitStatus ?? -1))" : "timed out after \(timeout) s"
                throw PseudoTerminalError(
                    message: "\(why) waiting for \(String(reflecting: text))",
                    output: String(decoding: transcript[consumed...], as: UTF8.self))
            }
            pump(timeout: 0.05)
            reap()  // the next round reads what it wrote last, then gives up
        }
    }

    /// Waits for the program to end and returns its exit code (128 + N when killed by signal N).
    /// - Throws: ``PseudoTerminalError`` after `timeout` seconds; the program keeps running.
    @discardableResult
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while exitStatus == nil {
            pump(timeout: 0.02)
            reap()
            if exitStatus == nil && ContinuousClock.now >= deadline {
                throw PseudoTerminalError(
                    message: "the program did not exit within \(timeout) s", output: output)
            }
        }
        pump(timeout: 0)
        return exitStatus ?? -1
    }

    /// Collects the child's exit status if it has ended.
    private func reap() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        let result = waitpid(processID, &status, WNOHANG)
        if result == processID {
            let signal = status & 0x7F
            exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        } else if result < 0 && errno != EINTR {
            exitStatus = -1
        }
    }

    /// Reads whatever the program has written, waiting up to `timeout` seconds for the first byte.
    private func pump(timeout: Double) {
        var wait = Int32(max(0, timeout * 1000))
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, wait)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                screen.feed(buffer[0..<count])
                rawOutput += buffer[0..<count]
                wait = 0
            } else if count < 0 && (errno == EAGAIN || errno == EINTR) {
                wait = 0
            } else {
                break
            }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for position in start...(haystack.count - needle.count)
        where haystack[position] == needle[0] && haystack[position..<(position + needle.count)].elementsEqual(needle) {
            return position + needle.count
        }
        return nil
    }
}

#endif
