/// Evaluates a call's arguments into the callee's parameter slots, specialized by count
/// (closures held in an array would be retained on every call).
protocol ArgumentFill {
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws
}

extension ArgumentFill {
    @inline(__always)
    func put(_ v: consuming Value, _ i: Int, _ slot: Int, _ kind: DirectPlan.Kind, _ plan: DirectPlan,
             _ slots: UnsafeMutablePointer<Value>, _ rt: Runtime, _ l: SourceLocation) throws {
        // Parameter slots hold `.void` on entry (frames are cleared when popped): no destroy.
        // `v` is consumed: moved into the slot, not copied there and then destroyed.
        if DirectPlan.fits(kind, v) {
            (slots + slot).initialize(to: v)
        } else {
            (slots + slot).initialize(to: try rt.coerceArgument(v, plan.prototype, i, l))
        }
    }
}

struct NoArguments: ArgumentFill {
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {}
}

struct OneArgument: ArgumentFill {
    let a: Eval
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        try put(try a(caller), plan.parameter0, plan.slot0, plan.kind0, plan, slots, rt, l)
    }
}

struct TwoArguments: ArgumentFill {
    let a: Eval
    let b: Eval
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        try put(try a(caller), plan.parameter0, plan.slot0, plan.kind0, plan, slots, rt, l)
        try put(try b(caller), plan.parameter1, plan.slot1, plan.kind1, plan, slots, rt, l)
    }
}

struct ManyArguments: ArgumentFill {
    let codes: [EvalCode]
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        for i in 0..<codes.count {
            try put(try codes[i].run(caller), plan.parameters[i], plan.slots[i], plan.kinds[i], plan, slots, rt, l)
        }
    }
}
