import Foundation

/// How the library tables format numbers: fixed decimals for metrics, significant digits for
/// losses, grouped thousands for counts.
enum DisplayNumber {
    /// `0.4123` (four decimals); `nan` for NaN.
    static func metric(_ x: Double) -> String {
        x.isFinite ? String(format: "%.4f", x) : "nan"
    }

    /// Six significant digits (`412.123`, `0.0123456`); `nan` for NaN.
    static func value(_ x: Double) -> String {
        x.isFinite ? String(format: "%.6g", x) : "nan"
    }

    /// A count as is (`100000`): plain digits, so the column stays numeric.
    static func count(_ n: Int) -> String { String(n) }

    /// A rating without a needless `.0` (`4`, `3.5`).
    static func rating(_ x: Float) -> String {
        x == x.rounded() && abs(x) < 1e7 ? String(Int(x)) : String(format: "%g", Double(x))
    }
}
