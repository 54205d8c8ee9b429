import XCTest
import TensorKit

/// Asserts that two tensors have the same shape and that every element satisfies
/// `|a - b| <= atol + rtol · |b|` (NumPy's `allclose`); on failure it prints both tensors
/// and the worst element, as mlx-swift's `assertEqual` does.
public func assertClose(_ actual: Tensor, _ expected: Tensor, rtol: Float = 1e-5, atol: Float = 1e-6,
                        _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    guard actual.shape == expected.shape else {
        XCTFail("shapes differ: \(actual.shape) vs \(expected.shape) \(message)", file: file, line: line)
        return
    }
    let a = actual.scalars, b = expected.scalars
    var worst = -1
    var worstExcess: Float = 0
    for i in 0..<a.count {
        let excess = Swift.abs(a[i] - b[i]) - (atol + rtol * Swift.abs(b[i]))
        if excess > worstExcess || (a[i].isNaN != b[i].isNaN) {
            worst = i
            worstExcess = excess.isNaN ? .infinity : excess
        }
    }
    if worst >= 0 {
        XCTFail("not close at flat index \(worst): \(a[worst]) vs \(b[worst]) \(message)\nactual:   \(actual)\nexpected: \(expected)",
                file: file, line: line)
    }
}

/// Asserts that two arrays of floats are close (see the tensor version).
public func assertClose(_ actual: [Float], _ expected: [Float], rtol: Float = 1e-5, atol: Float = 1e-6,
                        _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    assertClose(Tensor(actual), Tensor(expected), rtol: rtol, atol: atol, message, file: file, line: line)
}

/// Asserts that `body` throws a `TensorError` whose text contains `fragment`.
public func assertThrowsTensorError<T>(_ fragment: String, file: StaticString = #filePath, line: UInt = #line,
                                       _ body: () throws -> T) {
    do {
        _ = try body()
        XCTFail("expected an error containing '\(fragment)'", file: file, line: line)
    } catch let error as TensorError {
        XCTAssertTrue(error.description.contains(fragment), "'\(error)' does not contain '\(fragment)'",
                      file: file, line: line)
    } catch {
        XCTFail("expected a TensorError, got \(error)", file: file, line: line)
    }
}
