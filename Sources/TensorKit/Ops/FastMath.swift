import CFastMath
import Foundation

/// Branch-free kernels that the compiler vectorises, for the hot loops of softmax and
/// the multinomial loss (a libm call per element would dominate a 20,000-column softmax).
enum FastMath {
    /// `e^x` to about 2 ulp for x in [-87, 88] (Cephes polynomial, Cody-Waite reduction);
    /// below -87 it returns a value under 1e-37 instead of a denormal, above 88 it saturates.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        // Ternaries rather than min/max: no NaN handling, so they become vector min/max.
        let low: Float = x < -87 ? -87 : x
        let clamped: Float = low > 88 ? 88 : low
        // Round x·log2(e) to an integer with the 1.5·2^23 trick: no conversion that can trap.
        let shifted = clamped * 1.442_695_04 + 12_582_912.0
        let n = shifted - 12_582_912.0
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_1e-4
        p = p * r + 1.398_199_9e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_6e-2
        p = p * r + 0.166_666_65
        p = p * r + 0.5
        let y = p * r * r + r + 1
        let bits = (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23
        return y * Float(bitPattern: bits)
    }

    /// `√x` as one instruction (no errno branch; NaN below 0), see `CFastMath/shim.h`.
    @inline(__always)
    static func sqrt(_ x: Float) -> Float { swiftnb_sqrtf(x) }

    /// `√x` of eight lanes as one vector instruction.
    @inline(__always)
    static func sqrt(_ x: SIMD8<Float>) -> SIMD8<Float> { swiftnb_sqrt8(x) }

    /// The maximum of `n` values (NaN is ignored unless all values are NaN).
    @inline(__always)
    static func max(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var lanes = SIMD8<Float>(repeating: -.infinity)
        var i = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
            lanes.replace(with: x, where: x .> lanes)
            i += 8
        }
        var m = lanes.max()
        while i < n { if p[i] > m { m = p[i] }; i += 1 }
        return m
    }

    /// `sum(e^(p[i] - shift))` over `n` values.
    @inline(__always)
    static func sumExp(_ p: UnsafePointer<Float>, _ n: Int, shift: Float) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var i = 0
        while i + 4 <= n {
            s0 += exp(p[i] - shift); s1 += exp(p[i + 1] - shift)
            s2 += exp(p[i + 2] - shift); s3 += exp(p[i + 3] - shift)
            i += 4
        }
        while i < n { s0 += exp(p[i] - shift); i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}

/// Splits `count` independent items over the cores when the work is large enough.
enum Parallel {
    static let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body(range)` for disjoint ranges covering `0..<count`, concurrently when
    /// `count * costPerItem` is above about a million operations.
    static func forRanges(_ count: Int, costPerItem: Int, _ body: (Range<Int>) -> Void) {
        let chunks = Swift.min(cores, count, Swift.max(1, count * costPerItem / 1_000_000))
        if chunks <= 1 { body(0..<count); return }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            body((count * c / chunks)..<(count * (c + 1) / chunks))
        }
    }
}
