/// Calls from a site that already holds the callee's `DirectPlan` (see `Compiler.knownCall`).
extension Runtime {
    /// Whether a call needing `n` slots fits under the recursion depth limit and in the
    /// slot arena; when not, callers take the general path (which reports the depth error).
    @inline(__always)
    func canEnter(_ n: Int) -> Bool {
        arenaTop + n <= Runtime.arenaCapacity && depth < maxDepth
    }

    /// Pushes the callee's frame (after `canEnter`), lets `arguments` fill its parameter
    /// slots, and runs the body.
    @inline(__always)
    func enter(_ plan: DirectPlan, _ captures: UnsafeMutablePointer<Cell>, _ location: SourceLocation,
               _ arguments: (UnsafeMutablePointer<Value>) throws -> Void) throws -> Value {
        let n = plan.slotCount
        if interruptFlag.pointee != 0 { try checkInterrupt(location) }
        depth += 1
        let slots = arena + arenaTop
        arenaTop += n
        // Not a `defer`: that became an outlined call on every return.
        let result: Value
        do {
            try arguments(slots)
            let frame = Frame(slots: slots, cells: noCells, captures: captures)
            if plan.hasDefaults { try fillDefaults(plan, frame, location) }
            result = try plan.run(frame, self)
        } catch {
            leave(slots, n)
            throw error
        }
        leave(slots, n)
        return result
    }

    /// Evaluates the defaults of the parameters a call left out, in the callee's frame.
    func fillDefaults(_ plan: DirectPlan, _ frame: Frame, _ location: SourceLocation) throws {
        for d in plan.defaults {
            let v = try d.code.run(frame)
            (frame.slots + d.slot).initialize(to: try coerceArgument(v, plan.prototype, d.parameter, location))
        }
    }

    /// Pops a frame pushed by `enter`.
    @inline(__always)
    func leave(_ slots: UnsafeMutablePointer<Value>, _ n: Int) {
        depth -= 1
        Runtime.clear(slots, n)
        arenaTop -= n
    }

    /// Resets `n` slots to `.void`; scalars are overwritten without a call to destroy them.
    @inline(__always)
    static func clear(_ slots: UnsafeMutablePointer<Value>, _ n: Int) {
        for i in 0..<n {
            switch slots[i] {
            case .int, .double, .bool, .void, .range: (slots + i).initialize(to: .void)
            default: slots[i] = .void
            }
        }
    }
}
