#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file in memory: mapped read-only when it is a regular file, else read.
final class FileContents {
    private let base: UnsafeRawPointer?
    private let mappedLength: Int
    private let copy: [UInt8]

    /// Opens and loads the file at `path`.
    ///
    /// - Throws: `LearningError` naming the file and the system's reason when it cannot be read.
    init(path: String) throws(LearningError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotRead(path, reason: Self.reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path, reason: Self.reason(errno)) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .cannotRead(path, reason: Self.reason(EISDIR)) }
        let size = Int(status.st_size)
        if status.st_mode & S_IFMT == S_IFREG, size > 0 {
            // Pages are faulted in by the parsing threads as they go, which measured faster
            // than MAP_POPULATE's single-threaded prefault.
            let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
            if let address, address != MAP_FAILED {
                base = UnsafeRawPointer(address)
                mappedLength = size
                copy = []
                return
            }
        }
        base = nil
        mappedLength = 0
        copy = try Self.readAll(descriptor, path: path)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
    }

    /// Calls `body` with the file's bytes, valid only during the call.
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if let base {
            return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: mappedLength))
        }
        return try copy.withUnsafeBufferPointer(body)
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(LearningError) -> [UInt8] {
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw .cannotRead(path, reason: reason(errno)) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: block[0..<count])
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
