import XCTest
import TensorKit

/// Checks the gradients of `f` with respect to each input against central finite
/// differences, in one line per op (as tinygrad's `helper_test_op`):
///
/// ```swift
/// checkGradient([[2, 3], [3]]) { try $0[0] + $0[1] }     // broadcasting add
/// ```
///
/// Inputs are seeded uniform values in `range`. The scalar checked is `Σ f(x) · R` for
/// fixed random weights R, so every output element contributes. The differences and the
/// sum are evaluated in Double from the Float32 forward passes.
public func checkGradient(_ shapes: [[Int]], range: ClosedRange<Float> = -1...1, step: Float = 1e-2,
                          rtol: Double = 2e-2, atol: Double = 2e-3, seed: UInt64 = 1,
                          file: StaticString = #filePath, line: UInt = #line,
                          _ f: ([Tensor]) throws -> Tensor) {
    var rng = SeededGenerator(seed: seed)
    do {
        let inputs = try shapes.map {
            try Tensor.uniform($0, low: range.lowerBound, high: range.upperBound, generator: &rng)
        }
        checkGradient(values: inputs, step: step, rtol: rtol, atol: atol, seed: seed, file: file, line: line, f)
    } catch {
        XCTFail("checkGradient threw \(error)", file: file, line: line)
    }
}

/// `checkGradient` with given input values (e.g. to keep away from a kink of relu or abs).
public func checkGradient(values inputs: [Tensor], step: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
                          seed: UInt64 = 1, file: StaticString = #filePath, line: UInt = #line,
                          _ f: ([Tensor]) throws -> Tensor) {
    do {
        try gradientCheck(inputs, step: step, rtol: rtol, atol: atol, seed: seed, file: file, line: line, f)
    } catch {
        XCTFail("checkGradient threw \(error)", file: file, line: line)
    }
}

private func gradientCheck(_ inputs: [Tensor], step: Float, rtol: Double, atol: Double,
                           seed: UInt64, file: StaticString, line: UInt,
                           _ f: ([Tensor]) throws -> Tensor) throws {
    var rng = SeededGenerator(seed: seed &+ 1000)
    let leaves = inputs.map { $0.requiringGrad() }
    let output = try f(leaves)
    let weights = try Tensor.uniform(output.shape, low: 0.5, high: 1.5, generator: &rng)
    let w = weights.scalars
    try (output * weights).sum().backward()

    func objective(_ xs: [Tensor]) throws -> Double {
        let y = try withNoGrad { try f(xs) }.scalars
        var s = 0.0
        for i in 0..<y.count { s += Double(y[i]) * Double(w[i]) }
        return s
    }
    for (k, input) in inputs.enumerated() {
        guard let analytic = leaves[k].grad?.scalars else {
            XCTFail("input \(k) got no gradient", file: file, line: line)
            continue
        }
        var values = input.scalars
        for j in 0..<values.count {
            let original = values[j]
            var xs = inputs
            values[j] = original + step
            xs[k] = try Tensor(shape: input.shape, scalars: values)
            let plus = try objective(xs)
            values[j] = original - step
            xs[k] = try Tensor(shape: input.shape, scalars: values)
            let minus = try objective(xs)
            values[j] = original
            let numeric = (plus - minus) / (2 * Double(step))
            let a = Double(analytic[j])
            if Swift.abs(a - numeric) > atol + rtol * Swift.abs(numeric) {
                XCTFail("input \(k) element \(j): analytic \(a) vs numeric \(numeric)", file: file, line: line)
                return
            }
        }
    }
}
