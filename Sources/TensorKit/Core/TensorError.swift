/// The one error type of TensorKit. Every operation that can fail on bad input (shapes,
/// indices, arguments, files) throws a `TensorError`; none traps.
///
/// The message names the operation and what was expected, e.g.
/// `matmul: shapes [2, 3] and [4, 5] are incompatible (3 != 4)`.
public struct TensorError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The operation that failed, e.g. `"matmul"`.
    public let operation: String
    /// What was wrong, in words.
    public let message: String

    /// Creates an error for `operation` with a message saying what was expected.
    public init(_ operation: String, _ message: String) {
        self.operation = operation
        self.message = message
    }

    /// `"operation: message"`.
    public var description: String { "\(operation): \(message)" }
}

extension TensorError {
    /// Two shapes that cannot be combined by `operation`.
    static func shapes(_ operation: String, _ a: [Int], _ b: [Int], _ why: String) -> TensorError {
        TensorError(operation, "shapes \(a) and \(b) are incompatible (\(why))")
    }

    /// An argument outside its valid range.
    static func argument(_ operation: String, _ what: String) -> TensorError {
        TensorError(operation, what)
    }
}
