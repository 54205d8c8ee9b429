import Foundation

/// Reads the worker's standard error on a thread of its own: passes every byte on to this
/// process's standard error at once (library warnings, progress lines), and keeps the last
/// lines written since `mark()` so a crash message can quote them.
final class StderrTail: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var tail: [UInt8] = []
    private let finished = DispatchSemaphore(value: 0)
    /// Bytes kept at most.
    static let keep = 8 * 1024

    /// Starts reading `fd` (the read end of the worker's stderr pipe, closed at end of stream).
    init(fd: Int32) {
        self.fd = fd
        let thread = Thread { [self] in self.pump() }
        thread.name = "swiftnb worker stderr"
        thread.start()
    }

    private func pump() {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            chunk.withUnsafeBytes { raw in
                var offset = 0
                while offset < n {
                    let w = write(STDERR_FILENO, raw.baseAddress! + offset, n - offset)
                    if w <= 0 { if errno == EINTR { continue } else { break } }
                    offset += w
                }
            }
            lock.lock()
            tail += chunk[0..<n]
            if tail.count > StderrTail.keep { tail.removeFirst(tail.count - StderrTail.keep) }
            lock.unlock()
        }
        close(fd)
        finished.signal()
    }

    /// Forgets what was read so far: `lines()` then holds only what comes after (a new cell).
    func mark() {
        lock.lock()
        tail.removeAll()
        lock.unlock()
    }

    /// Waits up to `seconds` for the end of the stream (the worker and any child holding the
    /// pipe exited), so the last words of a crashed worker are all in.
    func waitForEnd(seconds: Double) {
        if finished.wait(timeout: .now() + seconds) == .success { finished.signal() }
    }

    /// The non-empty lines kept since `mark()`, the last `limit` of them.
    func lines(limit: Int = 12) -> [String] {
        lock.lock()
        let text = String(decoding: tail, as: UTF8.self)
        lock.unlock()
        let lines = text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return Array(lines.suffix(limit))
    }
}
