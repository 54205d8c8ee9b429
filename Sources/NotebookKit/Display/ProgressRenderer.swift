import Foundation

/// Draws progress bars where a person reads them (the terminal of `swiftnb run` or
/// `swiftnb repl`), never into reports:
///
/// - on a terminal, one live line redrawn in place (`\r`), at most 10 times a second:
///   `Training MultVAE  42% |████████▍           | 17/40 batch [00:03<00:04, 5.3 batch/s] epoch 3`;
///   output printed meanwhile goes through `output(_:)`, which lifts the bar, writes the
///   text and puts the bar back;
/// - otherwise (a log file, a pipe), a few plain lines: when a bar starts and when it
///   passes 25%, 50% and 75% (every 30 s when the total is unknown).
///
/// A finished bar is erased: the session prints its summary line as ordinary output.
public final class ProgressRenderer {
    /// How bars are drawn.
    public enum Mode: Equatable {
        /// A live line, cut to the terminal's width.
        case terminal
        /// A few whole lines.
        case plain
    }

    /// How bars are drawn.
    public let mode: Mode
    private let write: (String) -> Void
    private let clock: () -> Double
    private let width: () -> Int
    private var throttle = ProgressThrottle(interval: ProgressThrottle.drawInterval)
    /// The bar on screen (terminal) or the last bar seen (plain).
    private var current: ProgressSnapshot?
    private var onScreen = false
    /// Plain mode: the last quarter (0...3) or 30-second period reported, per bar.
    private var reported: [Int: Int] = [:]

    /// A renderer writing with `write`. `clock` gives seconds (for throttling) and `width`
    /// the terminal's columns; both have real defaults and exist for tests.
    public init(mode: Mode, write: @escaping (String) -> Void,
                clock: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
                width: @escaping () -> Int = ProgressRenderer.terminalWidth) {
        self.mode = mode
        self.write = write
        self.clock = clock
        self.width = width
    }

    /// A renderer for standard output: live when it is a terminal, plain lines otherwise.
    public static func forStandardOutput(write: @escaping (String) -> Void) -> ProgressRenderer {
        ProgressRenderer(mode: isatty(STDOUT_FILENO) == 1 ? .terminal : .plain, write: write)
    }

    /// Shows a bar's new state.
    public func handle(_ snapshot: ProgressSnapshot) {
        switch mode {
        case .terminal: drawLive(snapshot)
        case .plain: drawPlain(snapshot)
        }
    }

    /// Writes other output (printed text, a table) without mangling a live bar: the bar is
    /// erased first and drawn again below the text.
    public func output(_ text: String) {
        guard onScreen, let bar = current else { write(text); return }
        write("\r\u{1B}[K" + text + (text.hasSuffix("\n") || text.isEmpty ? "" : "\n") + line(bar))
    }

    /// Erases a live bar (before a prompt or an error message); it comes back with the
    /// next update.
    public func clear() {
        guard onScreen else { return }
        write("\r\u{1B}[K")
        onScreen = false
    }

    private func drawLive(_ s: ProgressSnapshot) {
        if s.isFinished {
            if current?.id == s.id || current == nil { clear(); current = nil }
            return
        }
        let isNew = current?.id != s.id || !onScreen
        let done = s.total.map { s.completed >= $0 } ?? false
        current = s
        guard throttle.allows(now: clock(), force: isNew || done) else { return }
        write("\r" + line(s) + "\u{1B}[K")
        onScreen = true
    }

    private func drawPlain(_ s: ProgressSnapshot) {
        if s.isFinished { reported[s.id] = nil; return }
        let step: Int
        if let fraction = s.fraction {
            step = min(3, Int(fraction * 4))
        } else {
            step = Int(s.elapsed / 30)
        }
        if let last = reported[s.id] {
            guard step > last else { return }
            reported[s.id] = step
            write(plainLine(s) + "\n")
        } else {
            reported[s.id] = step
            write("\(s.title): started" + (s.total.map { " (\($0) \(s.unit))" } ?? "") + "\n")
        }
    }

    /// The plain line of a bar in progress: `Training: 50% (20/40 batch, 5.1 batch/s, ETA 4s) epoch 3`.
    func plainLine(_ s: ProgressSnapshot) -> String {
        var parts = [s.countText, s.rateText]
        if let left = s.secondsLeft { parts.append("ETA " + ProgressFormat.duration(left)) }
        let percent = s.fraction.map { "\(Int($0 * 100))% " } ?? ""
        return "\(s.title): \(percent)(\(parts.joined(separator: ", ")))" + (s.detail.isEmpty ? "" : " " + s.detail)
    }

    /// The live line of a bar, cut to the terminal's width.
    func line(_ s: ProgressSnapshot) -> String {
        let columns = max(20, width()) - 1
        var timing = ProgressFormat.duration(s.elapsed)
        if let left = s.secondsLeft { timing += "<" + ProgressFormat.duration(left) }
        let stats = "\(s.countText) [\(timing), \(s.rateText)]"
        var text: String
        if let fraction = s.fraction {
            let percent = String(repeating: " ", count: max(0, 3 - String(Int(fraction * 100)).count)) + "\(Int(fraction * 100))%"
            // The bar takes what the text leaves (10 to 25 cells); a long detail is cut instead.
            let fixed = s.title.count + percent.count + stats.count + 6
            let room = columns - fixed - (s.detail.isEmpty ? 0 : s.detail.count + 1)
            let barWidth = room >= 10 ? min(25, room) : (columns - fixed >= 10 ? 10 : 0)
            text = s.title + " " + percent
            if barWidth >= 5 { text += " |" + ProgressRenderer.bar(fraction, width: barWidth) + "|" }
            text += " " + stats
        } else {
            text = s.title + " " + stats
        }
        if !s.detail.isEmpty { text += " " + s.detail }
        return text.count > columns ? String(text.prefix(columns - 1)) + "…" : text
    }

    /// A bar of `width` cells filled to `fraction`, in eighths of a cell.
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded(.down))
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var out = String(repeating: "█", count: eighths / 8)
        if eighths / 8 < width { out += partials[eighths % 8] }
        return out + String(repeating: " ", count: max(0, width - out.count))
    }

    /// Standard output's width in columns (80 when it is not a terminal).
    public static func terminalWidth() -> Int {
        var size = winsize()
        #if os(Linux)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        guard ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
