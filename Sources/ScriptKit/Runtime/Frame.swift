/// The storage of one running function: plain locals in `slots`, captured locals in `cells`,
/// and the enclosing function's cells this closure captured in `captures`.
/// All three are unsafe buffers, resolved to indices before the code runs.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell>
    let captures: UnsafeMutablePointer<Cell>

    /// A frame with no storage, for calls made from native code (no caller's frame).
    static let none = Frame(slots: .allocate(capacity: 1), cells: Runtime.noCells, captures: Runtime.noCells)
}
/// How a statement finished.
enum Flow {
    case normal
    /// `break` out of the loop or switch with this id.
    case breakOut(Int)
    /// `continue` the loop with this id.
    case continueLoop(Int)
    case fallthroughCase
    case returned(Value)

    /// What a loop does once its body has run with result `flow`: nil to go on (the body
    /// finished, or continued this loop), else the result the loop itself returns (`.normal`
    /// when the body broke out of this loop; any other flow passes through).
    @inline(__always)
    static func afterLoopBody(_ flow: Flow, loop id: Int) -> Flow? {
        switch flow {
        case .normal: return nil
        case .continueLoop(let t) where t == id: return nil
        case .breakOut(let t) where t == id: return .normal
        case let other: return other
        }
    }
}

/// Compiled code.
typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow
/// Compiled code kept in an array. A closure stored in an array directly is stored
/// reabstracted, and every call then goes through conversion thunks; a concrete struct
/// field keeps the closure's natural calling convention.
struct ExecCode {
    let run: Exec
}
/// An expression's code kept in an array (see `ExecCode`).
struct EvalCode {
    let run: Eval
}
