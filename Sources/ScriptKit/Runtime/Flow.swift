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

