/// Calls from a site that already holds the callee's `DirectPlan` (see `Compiler.globalCall`).
extension Runtime {
    /// Evaluates one argument into the callee's slot and runs its body; nil, before
    /// evaluating anything, when the call cannot take the fast path here (recursion depth
    /// or slot arena exhausted), so that the caller takes the general path and its errors.
    @inline(__always)
    func callKnown1(_ plan: DirectPlan, _ captures: UnsafeMutablePointer<Cell>, _ arg: Eval, _ caller: Frame,
                    _ location: SourceLocation) throws -> Value? {
        let n = plan.slotCount
        guard arenaTop + n <= Runtime.arenaCapacity, depth < maxDepth else { return nil }
        if interruptFlag.pointee != 0 { try checkInterrupt(location) }
        depth += 1
        let slots = arena + arenaTop
        arenaTop += n
        defer {
            depth -= 1
            for i in 0..<n { slots[i] = .void }
            arenaTop -= n
        }
        let v = try arg(caller)
        slots[plan.slot0] = plan.accepts(v, 0) ? v : try coerceArgument(v, plan.prototype, 0, location)
        return try plan.run(Frame(slots: slots, cells: noCells, captures: captures), self)
    }

    /// `callKnown1` for any number of arguments.
    @inline(__always)
    func callKnown(_ plan: DirectPlan, _ captures: UnsafeMutablePointer<Cell>, _ codes: [EvalCode], _ caller: Frame,
                   _ location: SourceLocation) throws -> Value? {
        let n = plan.slotCount
        guard arenaTop + n <= Runtime.arenaCapacity, depth < maxDepth else { return nil }
        if interruptFlag.pointee != 0 { try checkInterrupt(location) }
        depth += 1
        let slots = arena + arenaTop
        arenaTop += n
        defer {
            depth -= 1
            for i in 0..<n { slots[i] = .void }
            arenaTop -= n
        }
        for i in 0..<codes.count {
            let v = try codes[i].run(caller)
            slots[plan.slots[i]] = plan.accepts(v, i) ? v : try coerceArgument(v, plan.prototype, i, location)
        }
        return try plan.run(Frame(slots: slots, cells: noCells, captures: captures), self)
    }
}
