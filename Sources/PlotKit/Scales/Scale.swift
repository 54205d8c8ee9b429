#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an axis maps data to position.
public enum ScaleKind: Sendable {
    /// Evenly spaced values.
    case linear
    /// Base-10 logarithmic; every value on the axis must be > 0.
    case log
}

/// A data-to-pixel mapping for one axis.
///
/// Band (categorical) axes are linear over `0...count`: category `i` is centred on `i + 0.5`.
struct Scale {
    enum Kind: Equatable {
        case linear
        case log
        /// Categories; `labels == nil` labels the bands with their indices.
        case band(count: Int, labels: [String]?)
    }

    var kind: Kind
    var lower: Double, upper: Double
    /// Whether the data are whole numbers (ticks then are too).
    var integral = false
    /// Pixel positions of `lower` and `upper` (`start > end` for a y axis growing upwards).
    var start: Double = 0, end: Double = 1

    /// The pixel position of data value `v`.
    func map(_ v: Double) -> Double {
        let t: Double
        if kind == .log {
            let lo = log10(lower), hi = log10(upper)
            t = v > 0 && hi > lo ? (log10(v) - lo) / (hi - lo) : 0
        } else {
            t = upper > lower ? (v - lower) / (upper - lower) : 0.5
        }
        return start + t * (end - start)
    }

    /// The data value at pixel position `p` (inverse of `map`).
    func invert(_ p: Double) -> Double {
        let t = end != start ? (p - start) / (end - start) : 0
        if kind == .log { return pow(10, log10(lower) + t * (log10(upper) - log10(lower))) }
        return lower + t * (upper - lower)
    }

    /// Pixels per unit of data on a linear or band scale.
    var pixelsPerUnit: Double { upper > lower ? abs(end - start) / (upper - lower) : 0 }

    /// The base of bars: 0 clamped into the domain (the domain's low end on a log axis).
    var baseline: Double { kind == .log ? lower : min(max(0, lower), upper) }
}
