/// A boxed variable: a local captured by a closure, or a global.
final class Cell {
    /// The variable's value, read and written by every access to the variable
    /// (`@exclusivity(unchecked)`: a class's stored `var` otherwise costs a dynamic
    /// exclusivity check per access, a third of a scalar loop's time; the interpreter never
    /// holds two overlapping accesses to one cell).
    @exclusivity(unchecked) var value: Value
    init(_ value: Value) { self.value = value }
    /// Shared filler for cell slots not yet declared.
    static let placeholder = Cell(.void)

    /// The identity of the function value held, if any, read without retaining it.
    @inline(__always)
    var functionIdentity: ObjectIdentifier? {
        if case .function(let f) = value { return ObjectIdentifier(f) }
        return nil
    }
}
