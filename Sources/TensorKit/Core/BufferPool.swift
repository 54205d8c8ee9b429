import Foundation

/// A small cache of large freed tensor buffers, reused by the next allocation of the
/// same size. A training step allocates the same big buffers every time (logits,
/// gradients); without reuse each one comes fresh from `mmap` and pays a page fault per
/// 4 KiB page on first touch. Buffers under 1 MiB are left to malloc; at most 256 MiB
/// are kept.
enum BufferPool {
    static let minimumBytes = 1 << 20
    static let capacityBytes = 256 << 20
    nonisolated(unsafe) private static var free: [Int: [UnsafeMutableRawPointer]] = [:]
    nonisolated(unsafe) private static var heldBytes = 0
    private static let lock = NSLock()

    /// A 64-byte aligned buffer of `bytes` bytes (uninitialised).
    static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        if bytes >= minimumBytes {
            lock.lock()
            let reused = free[bytes]?.popLast()
            if reused != nil { heldBytes -= bytes }
            lock.unlock()
            if let reused { return reused }
        }
        return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    }

    /// Returns a buffer from `allocate(bytes:)`.
    static func release(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
        if bytes >= minimumBytes {
            lock.lock()
            let keep = heldBytes + bytes <= capacityBytes
            if keep {
                free[bytes, default: []].append(pointer)
                heldBytes += bytes
            }
            lock.unlock()
            if keep { return }
        }
        pointer.deallocate()
    }
}
