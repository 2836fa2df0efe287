import Foundation

extension Store {
    /// Stores `data` by its SHA-256 and returns the hash; storing the same bytes again is a no-op.
    ///
    /// The bytes go to a temporary file in `objects/`, are read back and verified, then renamed into place.
    /// An existing object that fails its checksum is replaced.
    /// - Throws: `StoreError` when the file cannot be written or does not verify.
    @discardableResult
    public func putObject(_ data: Data) throws -> String {
        let hash = Self.sha256(data)
        let path = objectPath(hash)
        if let existing = FileManager.default.contents(atPath: path), Self.sha256(existing) == hash {
            return hash
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temp = (objectsDirectory as NSString).appendingPathComponent("tmp-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temp))
            let written = try Data(contentsOf: URL(fileURLWithPath: temp))
            let actual = Self.sha256(written)
            guard actual == hash else {
                try? FileManager.default.removeItem(atPath: temp)
                throw StoreError.objectCorrupt(hash, actual: actual, bytes: written.count)
            }
            // rename(2) atomically replaces any existing (corrupt) file.
            guard rename(temp, path) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(atPath: temp)
                throw StoreError.io("cannot move object \(hash) into place: \(String(cString: strerror(code)))")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw StoreError.io("cannot write object \(hash): \(error.localizedDescription)")
        }
        return hash
    }

    /// Stores a copy of the file at `path`, which the caller read as having hash `sha256`; a no-op when the store
    /// already holds an object of that hash and size.
    /// - Throws: `StoreError` when the file cannot be read, or its bytes no longer hash to `sha256`
    ///   (it changed since the caller read it).
    public func putObject(copyingFile path: String, sha256: String) throws {
        let hash = sha256.lowercased()
        let target = objectPath(hash)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let size, let existing = try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int, existing == size {
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw StoreError.io("cannot read \(path) to snapshot it: \(error.localizedDescription)")
        }
        let stored = try putObject(data)
        guard stored == hash else {
            throw StoreError.objectCorrupt(hash, actual: stored, bytes: data.count)
        }
    }

    /// The bytes of object `sha256`, verified against the hash.
    /// - Throws: `StoreError` when the object is missing, or tampered or truncated (expected vs actual hash).
    public func object(sha256: String) throws -> Data {
        let hash = sha256.lowercased()
        guard Self.isSHA256(hash) else {
            throw StoreError.invalidValue("'\(sha256)' is not a SHA-256 hex digest")
        }
        guard let data = FileManager.default.contents(atPath: objectPath(hash)) else {
            throw StoreError.objectMissing(hash)
        }
        let actual = Self.sha256(data)
        guard actual == hash else {
            throw StoreError.objectCorrupt(hash, actual: actual, bytes: data.count)
        }
        return data
    }

    /// Whether an object file exists for `sha256` (without verifying it).
    public func hasObject(sha256: String) -> Bool {
        Self.isSHA256(sha256.lowercased()) && FileManager.default.fileExists(atPath: objectPath(sha256.lowercased()))
    }

    /// The file path of object `sha256`: `objects/ab/cdef…`.
    public func objectPath(_ sha256: String) -> String {
        let prefix = String(sha256.prefix(2))
        let rest = String(sha256.dropFirst(2))
        return ((objectsDirectory as NSString).appendingPathComponent(prefix) as NSString).appendingPathComponent(rest)
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
