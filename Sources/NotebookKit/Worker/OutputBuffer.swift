import Foundation

/// The worker's side of output streaming: each item a cell produces is encoded at once as a
/// complete `outputs` frame and queued; the queue is sent at most `interval` after its first
/// item, when it grows past `maxBytes`, and when the cell ends (`flush`). A loop printing a
/// line per iteration thus costs an encode and a copy under a lock per line, not a system
/// call (in-process printing costs a `write` per line).
///
/// The queue is raw memory in statics so that a fatal signal (abort, a segfault, a Swift
/// trap) can still send it: `installCrashFlush()` sends what is queued, unless the crash hit
/// while the queue was being changed, then lets the signal take its course. So the last
/// lines a cell printed before it crashed reach the report.
final class OutputBuffer: @unchecked Sendable {
    private let channel: FrameChannel
    private let condition = NSCondition()
    /// Where each item's frame is encoded (under the lock), reused so no line allocates.
    private var scratch = WireWriter()

    nonisolated(unsafe) static var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    nonisolated(unsafe) static var capacity = 1 << 16
    nonisolated(unsafe) static var count = 0
    /// Nonzero while the queue is being changed or sent: the crash handler leaves it alone.
    nonisolated(unsafe) static var busy: Int32 = 0
    nonisolated(unsafe) static var channelFD: Int32 = -1
    nonisolated(unsafe) static var sendFlags: Int32 = 0
    nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    /// Longest a queued item waits before it is sent.
    static let interval: useconds_t = 20_000
    /// A queue this large is sent at once.
    static let maxBytes = 64 * 1024

    /// A buffer sending on `channel`, with its flushing thread started.
    init(channel: FrameChannel) {
        self.channel = channel
        OutputBuffer.channelFD = channel.fd
        let thread = Thread { [self] in self.flushLoop() }
        thread.name = "swiftnb worker output"
        thread.start()
    }

    /// Queues one item.
    func append(_ item: DisplayItem, isResult: Bool) {
        enqueue { WorkerEvent.appendOutputFrame(item, isResult: isResult, to: &$0) }
    }

    /// Queues a progress bar's state, in order with the outputs around it.
    func append(progress: ProgressSnapshot) {
        enqueue { WorkerEvent.appendFrame(.progress(progress), to: &$0) }
    }

    /// Queues the frame that `encode` writes.
    private func enqueue(_ encode: (inout WireWriter) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        scratch.reset()
        encode(&scratch)
        let frame = scratch.bytes
        OutputBuffer.busy = 1
        let wasEmpty = OutputBuffer.count == 0
        if OutputBuffer.count + frame.count > OutputBuffer.capacity {
            let capacity = max(OutputBuffer.capacity * 2, OutputBuffer.count + frame.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: OutputBuffer.storage, count: OutputBuffer.count)
            let old = OutputBuffer.storage
            OutputBuffer.storage = grown
            OutputBuffer.capacity = capacity
            old.deallocate()
        }
        frame.withUnsafeBufferPointer { (OutputBuffer.storage + OutputBuffer.count).update(from: $0.baseAddress!, count: $0.count) }
        OutputBuffer.count += frame.count
        OutputBuffer.busy = 0
        if OutputBuffer.count >= OutputBuffer.maxBytes {
            sendLocked()
        } else if wasEmpty {
            condition.signal()
        }
    }

    /// Sends everything queued now (before the cell's `finished` event).
    func flush() {
        condition.lock()
        sendLocked()
        condition.unlock()
    }

    /// Sends under the lock, so a batch and a later `finished` cannot be reordered.
    private func sendLocked() {
        guard OutputBuffer.count > 0 else { return }
        OutputBuffer.busy = 1
        defer {
            OutputBuffer.count = 0
            OutputBuffer.busy = 0
        }
        // A supervisor that is gone cannot be told anything: end quietly.
        do { try channel.sendFrames(UnsafeRawBufferPointer(start: OutputBuffer.storage, count: OutputBuffer.count)) } catch { _exit(0) }
    }

    private func flushLoop() {
        while true {
            condition.lock()
            while OutputBuffer.count == 0 { condition.wait() }
            condition.unlock()
            usleep(OutputBuffer.interval)
            flush()
        }
    }

    /// On SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGTRAP: send the queued output, put
    /// back the previous handler and return, so the signal strikes again and ends the
    /// process as it would have (abort() raises again; a faulting instruction faults again).
    /// Only async-signal-safe calls (`send`, `sigaction`) are made.
    static func installCrashFlush() {
        sendFlags = FrameChannel.sendFlags
        let handler: @convention(c) (Int32) -> Void = { signal in
            if OutputBuffer.busy == 0 && OutputBuffer.count > 0 && OutputBuffer.channelFD >= 0 {
                var offset = 0
                while offset < OutputBuffer.count {
                    let n = send(OutputBuffer.channelFD, OutputBuffer.storage + offset, OutputBuffer.count - offset, OutputBuffer.sendFlags)
                    if n <= 0 { break }
                    offset += n
                }
                OutputBuffer.count = 0
            }
            sigaction(signal, OutputBuffer.previousActions + Int(signal), nil)
        }
        installSignalHandler(handler, for: [SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP], flags: 0,
                             savingPreviousIn: previousActions)
    }
}
