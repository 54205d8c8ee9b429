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
/// Labels write negative numbers with the minus sign U+2212, as matplotlib does.
enum Ticks {
    /// The nice step that gives at most `maxCount` ticks over `lower...upper`; with
    /// `integral` (integer data such as counts) a whole number, at least 1.
    static func step(lower: Double, upper: Double, maxCount: Int, integral: Bool = false) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, maxCount))
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw * (1 - 1e-9) {
            let s = m * magnitude
            if integral, s < 1 || s != s.rounded() { continue }
            return s
        }
        return integral ? max(1, 10 * magnitude) : 10 * magnitude
    }

    /// Nice ticks inside `lower...upper`, at most about `maxCount` of them; only whole
    /// numbers when `integral`.
    static func linear(lower: Double, upper: Double, maxCount: Int, integral: Bool = false) -> [Tick] {
        guard upper > lower, lower.isFinite, upper.isFinite else {
            return lower.isFinite ? [Tick(value: lower, label: format(lower, step: 1))] : []
        }
        var count = max(2, maxCount)
        while true {
            let s = step(lower: lower, upper: upper, maxCount: count, integral: integral)
            let first = ceil(lower / s - 1e-9)
            let last = floor(upper / s + 1e-9)
            guard last >= first, last - first < 1000 else { return [] }
            // Whole-number steps jump from 2 to 5: ask for one more tick rather than show one.
            if integral, last == first, s > 1, count < maxCount + 4 { count += 1; continue }
            return stride(from: first, through: last, by: 1).map { k in
                let v = k * s
                return Tick(value: v, label: format(v, step: s))
            }
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

    /// Minor ticks of a log axis: 2...9 times each power of ten inside `lower...upper`,
    /// when the axis spans at most `maxDecades` decades (beyond that they crowd); empty otherwise.
    static func logMinor(lower: Double, upper: Double, maxDecades: Int = 8) -> [Double] {
        guard lower > 0, upper > lower else { return [] }
        let lo = Int(floor(log10(lower))), hi = Int(floor(log10(upper)))
        guard hi - lo <= maxDecades else { return [] }
        var out: [Double] = []
        for e in lo...hi {
            for k in 2...9 {
                let v = Double(k) * pow(10, Double(e))
                if v >= lower * (1 - 1e-9), v <= upper * (1 + 1e-9) { out.append(v) }
            }
        }
        return out
    }

    /// Labels a tick with as many decimals as the step needs ("0.25", "1000", "−3").
    static func format(_ v: Double, step: Double) -> String {
        let value = abs(v) < step * 1e-9 ? 0 : v
        if abs(value) >= 1e7 || (abs(value) < 1e-4 && value != 0) {
            return withMinusSign(String(format: "%.3g", value))
        }
        var decimals = 0
        var scaled = step
        while decimals < 10, abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled)) {
            scaled *= 10; decimals += 1
        }
        return withMinusSign(String(format: "%.\(decimals)f", value))
    }

    /// `text` with every ASCII hyphen-minus written as the minus sign U+2212 (a number's
    /// sign, and an exponent's), the typographic form matplotlib uses.
    static func withMinusSign(_ text: String) -> String {
        text.contains("-") ? text.replacingOccurrences(of: "-", with: "\u{2212}") : text
    }

    /// "10⁰", "10¹", "10³", "10⁻²": every power written the same way, as matplotlib does.
    static func powerLabel(_ e: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let sup = String(abs(e)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
        return "10" + (e < 0 ? "⁻" : "") + String(sup)
    }
}
