import Foundation

/// What a fetch reports while it runs.
public enum FetchEvent: Sendable, Equatable {
    /// A step started ("downloading https://...", "extracting", ...).
    case step(String)
    /// Bytes received so far, and the total when known.
    case bytes(received: Int64, total: Int64?)
    /// The step finished.
    case done(String)
}

/// Reports fetch progress on standard error: a redrawn bar on a terminal, a few plain
/// lines otherwise (DESIGN.md's convention for long-running library work).
public final class StderrFetchProgress: @unchecked Sendable {
    private let isTerminal = isatty(2) != 0
    private var lastPercent = -1
    private var lastDraw = Date.distantPast
    private let started = Date()

    /// Creates a reporter.
    public init() {}

    /// Handles one event.
    public func report(_ event: FetchEvent) {
        switch event {
        case .step(let s):
            lastPercent = -1
            write("\(s)\n")
        case .done(let s):
            if isTerminal { write("\r\u{1B}[K") }
            write("\(s)\n")
        case .bytes(let received, let total):
            let mb = Double(received) / 1_048_576
            let rate = mb / max(Date().timeIntervalSince(started), 1e-3)
            if let t = total, t > 0 {
                let pct = Int(100 * received / t)
                if isTerminal {
                    guard Date().timeIntervalSince(lastDraw) > 0.1 || pct == 100 else { return }
                    lastDraw = Date()
                    let filled = pct * 30 / 100
                    write("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
                          + "] \(pct)% " + String(format: "%.1f MiB, %.1f MiB/s", mb, rate))
                } else if pct / 25 != lastPercent / 25 {
                    lastPercent = pct
                    write("  \(pct)% (" + String(format: "%.1f MiB", mb) + ")\n")
                }
            } else if isTerminal, Date().timeIntervalSince(lastDraw) > 0.1 {
                lastDraw = Date()
                write("\r" + String(format: "%.1f MiB, %.1f MiB/s", mb, rate))
            }
        }
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
