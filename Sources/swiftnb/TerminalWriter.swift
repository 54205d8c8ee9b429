import Foundation

/// Standard output for cell outputs: written at once, or (with a worker, whose outputs come
/// in batches) gathered until `flush()`, so a batch of printed lines costs one `write`.
final class TerminalWriter {
    private let buffered: Bool
    private var pending: [UInt8] = []

    /// A writer that gathers output until `flush()` when `buffered`.
    init(buffered: Bool) {
        self.buffered = buffered
    }

    /// Writes `text`, or queues it.
    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if !buffered || pending.count >= 1 << 16 { flush() }
    }

    /// Writes what is queued.
    func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
