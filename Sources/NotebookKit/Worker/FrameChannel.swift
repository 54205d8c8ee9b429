import Foundation

/// Length-prefixed frames over one end of a Unix-domain socket pair (a two-way pipe): each
/// frame is a 4-byte little-endian length, then that many bytes of message body.
///
/// Writes use `send(MSG_NOSIGNAL)`, so a peer that died makes a write fail with an error
/// instead of raising SIGPIPE in this process. Reads are buffered: `fill()` takes whatever
/// the socket holds, `nextFrame()` cuts complete frames out of it.
final class FrameChannel {
    /// The socket end this channel reads and writes.
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private let sendLock = NSLock()

    /// The largest body accepted; a longer length prefix is a protocol error, not an allocation.
    static let maxFrame = 1 << 30

    /// `send` flags: no SIGPIPE for a closed peer (Darwin has no MSG_NOSIGNAL and uses the
    /// SO_NOSIGPIPE socket option instead, set in `init`).
    #if os(Linux)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let sendFlags: Int32 = 0
    #endif

    /// A channel over `fd` (which it does not close).
    init(fd: Int32) {
        self.fd = fd
        #if !os(Linux)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Sends one frame. Thread-safe: frames from several threads never interleave.
    ///
    /// - Throws: `ChannelError.closed` when the peer is gone.
    func send(_ body: [UInt8]) throws {
        let bytes = FrameChannel.frame(body)
        try bytes.withUnsafeBytes { try sendFrames($0) }
    }

    /// Sends bytes that already hold whole frames (see `frame(_:)`).
    ///
    /// - Throws: `ChannelError.closed` when the peer is gone.
    func sendFrames(_ raw: UnsafeRawBufferPointer) throws {
        sendLock.lock()
        defer { sendLock.unlock() }
        var offset = 0
        while offset < raw.count {
            let sent = Foundation.send(fd, raw.baseAddress! + offset, raw.count - offset, FrameChannel.sendFlags)
            if sent < 0 {
                if errno == EINTR { continue }
                throw ChannelError.closed(String(cString: strerror(errno)))
            }
            offset += sent
        }
    }

    /// A frame: the body's length in 4 little-endian bytes, then the body.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        var frame = [UInt8]()
        frame.reserveCapacity(body.count + 4)
        let n = UInt32(body.count)
        frame += [UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8),
                  UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 24)]
        frame += body
        return frame
    }

    /// Reads what the socket holds (blocking until at least one byte or end of stream).
    /// Returns false at end of stream.
    ///
    /// - Throws: `ChannelError.closed` on a read error.
    func fill() throws -> Bool {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ChannelError.closed(String(cString: strerror(errno)))
            }
            if n == 0 { return false }
            buffer += chunk[0..<n]
            return true
        }
    }

    /// The next complete frame's body from what has been read, if there is one.
    ///
    /// - Throws: `WireError` for a length beyond `maxFrame`.
    func nextFrame() throws -> [UInt8]? {
        guard buffer.count - start >= 4 else { return nil }
        let n = Int(buffer[start]) | Int(buffer[start + 1]) << 8 | Int(buffer[start + 2]) << 16 | Int(buffer[start + 3]) << 24
        guard n <= FrameChannel.maxFrame else { throw WireError(message: "frame of \(n) bytes") }
        guard buffer.count - start - 4 >= n else { return nil }
        let body = Array(buffer[(start + 4)..<(start + 4 + n)])
        start += 4 + n
        if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
        return body
    }

    /// Reads until a whole frame is there and returns its body; nil at end of stream.
    func receive() throws -> [UInt8]? {
        while true {
            if let frame = try nextFrame() { return frame }
            if try !fill() { return nil }
        }
    }
}

/// The other end of a channel is gone.
enum ChannelError: Error, CustomStringConvertible {
    /// A read or write failed (the reason from the system).
    case closed(String)

    var description: String {
        switch self {
        case let .closed(reason): return "the notebook process's channel closed: \(reason)"
        }
    }
}
