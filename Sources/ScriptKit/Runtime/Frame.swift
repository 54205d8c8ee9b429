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
