import Foundation

/// A line of this process's standard input for a worker cell's `readLine()`
/// (`WorkerSession.onInput`), read the way the in-process REPL's `readLine()` reads it.
public enum StandardInputLine {
    /// The next line without its newline, or nil at the end of input. With
    /// `watchingInterrupts` (a terminal), a Ctrl-C while waiting ends the wait with nil and
    /// stays pending in `InterruptPipe`, so the supervisor then interrupts the cell.
    public static func read(watchingInterrupts: Bool) -> String? {
        if watchingInterrupts && InterruptPipe.readFD >= 0 {
            while true {
                var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: InterruptPipe.readFD, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&fds, 2, -1)
                if ready < 0 { if errno == EINTR { continue }; break }
                if fds[0].revents != 0 { break }
                if fds[1].revents != 0 { return nil }
            }
        }
        return Swift.readLine(strippingNewline: true)
    }
}
