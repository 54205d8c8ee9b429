#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: a temporary file in the same folder, then `rename(2)`.
enum AtomicFile {
    /// Replaces `path` with `bytes`; readers see either the old file or the whole new one.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard !path.isEmpty else { throw PlotError.io(path: path, message: "the path is empty") }
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw PlotError.io(path: path, message: errnoText()) }
        let tmp = String(cString: template)
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText(); break
                }
                offset += n
            }
        }
        _ = fchmod(fd, 0o644)
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if failure == nil, rename(tmp, path) != 0 { failure = errnoText() }
        if let failure {
            unlink(tmp)
            throw PlotError.io(path: path, message: failure)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// `write(2)` under a name that the `AtomicFile.write` method does not shadow.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
