import Foundation

/// Optional accounting of the time TensorKit spends inside `cblas_sgemm` (for
/// benchmarks: the share of a training step that is BLAS). Off by default; not
/// thread-safe, so enable it only while one thread runs TensorKit.
public enum BLASStatistics {
    /// Whether sgemm calls are timed.
    nonisolated(unsafe) public static var isEnabled = false
    /// Seconds spent in sgemm since the last `reset()`.
    nonisolated(unsafe) public static var seconds: Double = 0
    /// The number of sgemm calls since the last `reset()`.
    nonisolated(unsafe) public static var calls = 0

    /// Zeroes the counters.
    public static func reset() { seconds = 0; calls = 0 }

    /// A monotonic clock in seconds.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
