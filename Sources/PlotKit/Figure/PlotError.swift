/// An error from PlotKit: bad data given to a chart, a bad figure setting, or a failed write.
///
/// Every message names the operation (`bar(_:labels:)`, `save(_:)`) and what was expected.
public enum PlotError: Error, CustomStringConvertible, Equatable {
    /// A value is NaN or infinite.
    case nonFinite(chart: String, argument: String, index: Int)
    /// A series or matrix has no values.
    case empty(chart: String, argument: String)
    /// Two arguments that must have the same length do not.
    case lengthMismatch(chart: String, expected: String, got: String)
    /// Any other invalid argument, with the expectation in words.
    case invalidArgument(operation: String, message: String)
    /// The file extension names no supported format.
    case unsupportedFormat(path: String)
    /// Cairo or libpng reported a failure.
    case backend(operation: String, message: String)
    /// Writing the output file failed.
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case .nonFinite(let c, let a, let i):
            return "\(c): '\(a)' must be finite numbers, but element \(i) is NaN or infinite"
        case .empty(let c, let a):
            return "\(c): '\(a)' is empty; expected at least one value"
        case .lengthMismatch(let c, let e, let g):
            return "\(c): mismatched lengths: expected \(e), got \(g)"
        case .invalidArgument(let op, let m):
            return "\(op): \(m)"
        case .unsupportedFormat(let p):
            return "save(_:): cannot tell the format of '\(p)'; expected a name ending in .png, .svg or .pdf"
        case .backend(let op, let m):
            return "\(op): \(m)"
        case .io(let p, let m):
            return "save(_:): cannot write '\(p)': \(m)"
        }
    }
}
