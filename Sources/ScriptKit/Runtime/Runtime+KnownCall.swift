/// Calls through a `DirectPlan` (see `CallSiteCache`): the callee's frame is pushed on the
/// slot stack and its parameters filled in place.
extension Runtime {
    /// Pushes the callee's frame (after `stack.canPush`), lets `arguments` fill its parameter
    /// slots, and runs the body.
    @inline(__always)
    func enter(_ plan: DirectPlan, _ captures: UnsafeMutablePointer<Cell>, _ location: SourceLocation,
               _ arguments: (UnsafeMutablePointer<Value>) throws -> Void) throws -> Value {
        try enter(plan, captures, location, arguments, leaving: { _ in })
    }

    /// `enter`, with `leaving` run once the body is done (also when it or `arguments`
    /// throws), before the frame is popped: a mutating call moves `self` back out there.
    @inline(__always)
    func enter(_ plan: DirectPlan, _ captures: UnsafeMutablePointer<Cell>, _ location: SourceLocation,
               _ arguments: (UnsafeMutablePointer<Value>) throws -> Void,
               leaving: (UnsafeMutablePointer<Value>) -> Void) throws -> Value {
        let n = plan.slotCount
        if interruptFlag.pointee != 0 { try checkInterrupt(location) }
        let slots = stack.push(n)
        // Not a `defer`: that became an outlined call on every return.
        let result: Value
        do {
            try arguments(slots)
            let frame = Frame(slots: slots, cells: noCells, captures: captures)
            if plan.hasDefaults { try fillDefaults(plan, frame, location) }
            result = try plan.run(frame, self)
        } catch {
            leaving(slots)
            stack.pop(slots, n)
            throw error
        }
        leaving(slots)
        stack.pop(slots, n)
        return result
    }

    /// Evaluates the defaults of the parameters a call left out, in the callee's frame.
    func fillDefaults(_ plan: DirectPlan, _ frame: Frame, _ location: SourceLocation) throws {
        for d in plan.defaults {
            let v = try d.code.run(frame)
            (frame.slots + d.slot).initialize(to: try coerceArgument(v, plan.prototype, d.parameter, location))
        }
    }
}
