#if canImport(Glibc)
import Glibc

/// glibc functions that Swift's Glibc module hides (they need `_GNU_SOURCE` or `_XOPEN_SOURCE`).
struct LibC: @unchecked Sendable {
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    /// glibc's `POSIX_SPAWN_SETSID`.
    static let spawnSetsid: Int32 = 0x80
    static let shared = LibC()

    let openpt: OpenPT
    let grantpt: OpenPT
    let unlockpt: OpenPT
    let ptsname_r: PTSName
    let addchdir: AddChdir

    private init() {
        let handle = dlopen(nil, RTLD_NOW)
        func load<T>(_ name: String, as type: T.Type) -> T {
            guard let symbol = dlsym(handle, name) else { fatalError("glibc has no \(name)") }
            return unsafeBitCast(symbol, to: type)
        }
        openpt = load("posix_openpt", as: OpenPT.self)
        grantpt = load("grantpt", as: OpenPT.self)
        unlockpt = load("unlockpt", as: OpenPT.self)
        ptsname_r = load("ptsname_r", as: PTSName.self)
        addchdir = load("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    }
}
#endif
