import Foundation

/// The self-pipe trick: a signal handler (Ctrl-C, SIGTERM) writes one byte here, which wakes
/// the supervisor's wait for its worker (it polls the read end beside the worker's socket).
/// `write` on a non-blocking pipe is async-signal-safe; nothing else in the handler is needed.
public enum InterruptPipe {
    nonisolated(unsafe) static var readFD: Int32 = -1
    nonisolated(unsafe) static var writeFD: Int32 = -1

    /// Creates the pipe once (non-blocking, closed on exec). Idempotent.
    static func open() {
        guard readFD < 0 else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Wakes the waiter. Async-signal-safe.
    static func notify() {
        guard writeFD >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Reads every pending byte; returns how many there were (interrupt requests since the
    /// last drain).
    @discardableResult
    public static func drain() -> Int {
        guard readFD >= 0 else { return 0 }
        var count = 0
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readFD, &bytes, bytes.count)
            if n <= 0 { return count }
            count += n
        }
    }
}
