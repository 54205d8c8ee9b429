import Foundation

/// The state of one progress bar at one moment: what a `ProgressRenderer` draws. It is a
/// plain value so that it can travel from a worker process to the terminal's process.
public struct ProgressSnapshot: Equatable, Sendable {
    /// Which bar this is (bars of one session are numbered from 1).
    public var id: Int
    /// What is being done ("Training MultVAE").
    public var title: String
    /// The number of steps planned, if known.
    public var total: Int?
    /// The unit of a step ("batch", "iteration", "byte").
    public var unit: String
    /// Steps done so far.
    public var completed: Int
    /// Short free text shown after the bar (the loss, the epoch).
    public var detail: String
    /// Seconds since the bar started.
    public var elapsed: Double
    /// The summary line when the bar has finished, nil while it runs.
    public var summary: String?

    /// A snapshot with the given fields.
    public init(id: Int, title: String, total: Int?, unit: String, completed: Int, detail: String = "",
                elapsed: Double, summary: String? = nil) {
        self.id = id; self.title = title; self.total = total; self.unit = unit
        self.completed = completed; self.detail = detail; self.elapsed = elapsed; self.summary = summary
    }

    /// True once `finish(summary:)` was called.
    public var isFinished: Bool { summary != nil }

    /// The fraction done in [0, 1], nil when the total is unknown (or zero).
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, Double(completed) / Double(total)))
    }

    /// Steps per second so far (0 before any time has passed).
    public var rate: Double { elapsed > 0 ? Double(completed) / elapsed : 0 }

    /// Estimated seconds left at the average rate so far, nil when unknown.
    public var secondsLeft: Double? {
        guard let total, completed > 0, elapsed > 0 else { return nil }
        return max(0, Double(total - completed) / rate)
    }

    /// Whether the unit counts bytes (then counts and rates are shown as kB, MB, GB).
    var countsBytes: Bool { unit == "byte" || unit == "bytes" || unit == "B" }

    /// `17/40 batch`, `17 batch` without a total, `1.2/4.5 MB` for bytes.
    public var countText: String {
        if countsBytes {
            return ProgressFormat.bytes(Double(completed)) + (total.map { "/" + ProgressFormat.bytes(Double($0)) } ?? "")
        }
        return "\(completed)" + (total.map { "/\($0)" } ?? "") + " " + unit
    }

    /// `5.3 batch/s`, `2.1 s/batch` when slower than one a second, `3.2 MB/s` for bytes.
    public var rateText: String {
        let r = rate
        if countsBytes { return ProgressFormat.bytes(r) + "/s" }
        if r <= 0 { return "? \(unit)/s" }
        if r < 1 { return String(format: "%.1f s/%@", 1 / r, unit) }
        return String(format: r < 100 ? "%.1f %@/s" : "%.0f %@/s", r, unit)
    }
}

/// Text formatting shared by progress bars and summaries.
public enum ProgressFormat {
    /// A duration as a terminal shows an ETA: `7s`, `1m14s`, `2h05m`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + String(format: "%02ds", s % 60) }
        return "\(s / 3600)h" + String(format: "%02dm", (s % 3600) / 60)
    }

    /// A byte count with a decimal unit: `512 B`, `1.2 kB`, `45.6 MB`, `1.1 GB`.
    public static func bytes(_ count: Double) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = max(0, count)
        var i = 0
        while value >= 1000 && i < units.count - 1 { value /= 1000; i += 1 }
        return i == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[i])
    }
}
