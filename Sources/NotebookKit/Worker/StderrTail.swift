import Foundation

/// Reads the worker's standard error on a thread of its own: passes every byte on to this
/// process's standard error at once (library warnings, progress lines, a crash's stack
/// trace), and keeps the last lines written since `mark()` so a crash message can quote
/// them. Stack-trace lines (`Current stack trace:` and numbered frames) are passed on but
/// not kept, so the `Fatal error: ...` line above a long trace is still there to quote.
final class StderrTail: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var kept: [String] = []
    private var partial: [UInt8] = []
    private let finished = DispatchSemaphore(value: 0)
    /// Lines kept at most.
    static let keep = 40

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
            for byte in chunk[0..<n] {
                if byte == 10 { keepLine() } else if partial.count < 4096 { partial.append(byte) }
            }
            lock.unlock()
        }
        lock.lock()
        keepLine()
        lock.unlock()
        close(fd)
        finished.signal()
    }

    /// Keeps the line in `partial` unless it is blank or part of a stack trace (lock held).
    private func keepLine() {
        let line = String(decoding: partial, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        partial.removeAll(keepingCapacity: true)
        guard !line.isEmpty, !StderrTail.isStackTrace(line) else { return }
        kept.append(line)
        if kept.count > StderrTail.keep { kept.removeFirst(kept.count - StderrTail.keep) }
    }

    /// `Current stack trace:` and frame lines such as `3    libswiftCore.so   0x00007f... swift_reportError + 33`.
    static func isStackTrace(_ line: String) -> Bool {
        if line.hasPrefix("Current stack trace") || line.hasPrefix("Stack dump") { return true }
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        return fields.count >= 3 && Int(fields[0]) != nil && fields.contains { $0.hasPrefix("0x") }
    }

    /// Forgets what was read so far: `lines()` then holds only what comes after (a new cell).
    func mark() {
        lock.lock()
        kept.removeAll()
        lock.unlock()
    }

    /// Waits up to `seconds` for the end of the stream (the worker and any child holding the
    /// pipe exited), so the last words of a crashed worker are all in.
    func waitForEnd(seconds: Double) {
        if finished.wait(timeout: .now() + seconds) == .success { finished.signal() }
    }

    /// The last `limit` lines kept since `mark()`.
    func lines(limit: Int = 12) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(kept.suffix(limit))
    }
}
