import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tick: its data value and its label.
struct Tick: Equatable {
    var value: Double
    var label: String
}

/// "Nice" tick values and their labels (steps of 1, 2, 2.5 or 5 times a power of ten).
enum Ticks {
    /// The nice step that gives at most `maxCount` ticks over `lower...upper`.
    static func step(lower: Double, upper: Double, maxCount: Int) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, maxCount))
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw * (1 - 1e-9) {
            return m * magnitude
        }
        return 10 * magnitude
    }

    /// Nice ticks inside `lower...upper`, at most about `maxCount` of them.
    static func linear(lower: Double, upper: Double, maxCount: Int) -> [Tick] {
        guard upper > lower, lower.isFinite, upper.isFinite else {
            return lower.isFinite ? [Tick(value: lower, label: format(lower, step: 1))] : []
        }
        let s = step(lower: lower, upper: upper, maxCount: max(2, maxCount))
        let first = ceil(lower / s - 1e-9)
        let last = floor(upper / s + 1e-9)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * s
            return Tick(value: v, label: format(v, step: s))
        }
    }

    /// Powers of ten inside `lower...upper` (both > 0); thinned to at most `maxCount`.
    static func log(lower: Double, upper: Double, maxCount: Int) -> [Tick] {
        guard lower > 0, upper >= lower else { return [] }
        let lo = Int(ceil(log10(lower) - 1e-9)), hi = Int(floor(log10(upper) + 1e-9))
        guard hi >= lo else {
            return linear(lower: lower, upper: upper, maxCount: maxCount)
        }
        let every = max(1, (hi - lo + 1 + maxCount - 1) / max(1, maxCount))
        return stride(from: lo, through: hi, by: every).map { Tick(value: pow(10, Double($0)), label: powerLabel($0)) }
    }

    /// Labels a tick with as many decimals as the step needs ("0.25", "1000", "-3").
    static func format(_ v: Double, step: Double) -> String {
        let value = abs(v) < step * 1e-9 ? 0 : v
        if abs(value) >= 1e7 || (abs(value) < 1e-4 && value != 0) {
            return String(format: "%.3g", value)
        }
        var decimals = 0
        var scaled = step
        while decimals < 10, abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled)) {
            scaled *= 10; decimals += 1
        }
        return String(format: "%.\(decimals)f", value)
    }

    /// "10³", "10⁻²", with "1" and "10" for the first two powers.
    static func powerLabel(_ e: Int) -> String {
        if e == 0 { return "1" }
        if e == 1 { return "10" }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let sup = String(abs(e)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
        return "10" + (e < 0 ? "⁻" : "") + String(sup)
    }
}
