/// One call site of a declared type's `mutating` method (`ps[i].step(0.5)`), bound once: the
/// receiver's type and the method's function found by the first call, and a `DirectPlan`
/// whose first parameter is `self`. Later calls whose receiver has the same type and whose
/// method is still the same function go straight to `Runtime.callMutatingDirect`, without
/// looking the method up by name or binding arguments.
final class MutatingCallSite {   // read on every call (`@exclusivity(unchecked)`: see `Cell`)
    /// The receiver's type the site was bound for (nil: unbound).
    @exclusivity(unchecked) var type: ScriptTypeInfo? = nil
    /// Where the method's function lives; its value is compared with `function` on each call,
    /// so a redeclared method is never called through a stale binding.
    @exclusivity(unchecked) var slot: MemberSlot? = nil
    @exclusivity(unchecked) var function: Function? = nil
    @exclusivity(unchecked) var script: ScriptFunction? = nil
    @exclusivity(unchecked) var plan: DirectPlan? = nil
    /// Set when the site met a receiver it was not bound for: it stays on the general path.
    @exclusivity(unchecked) var disabled = false

    /// Binds the site to `function` called on receivers of `type`, when its parameters (self
    /// first) all live in slots; otherwise the site stays on the general path for good.
    func bind(_ type: ScriptTypeInfo, _ slot: MemberSlot, argumentCount: Int) {
        guard !disabled, self.type == nil else { return }
        guard case .function(let fn) = slot.function, let script = fn.script,
              script.prototype.labels.count == argumentCount + 1,
              let plan = DirectPlan(script.prototype, argumentCount: argumentCount + 1, inoutSelf: true),
              !plan.hasCells else {
            disabled = true
            return
        }
        self.type = type
        self.slot = slot
        self.function = fn
        self.script = script
        self.plan = plan
    }

    /// Whether `receiver` is a value of the bound type and the method is still the bound one.
    @inline(__always)
    func matches(_ receiver: Value) -> Bool {
        guard let type, let slot, case .native(let n) = receiver, let o = Value.asScriptObject(n), o.type === type,
              case .function(let fn) = slot.function else { return false }
        return fn === function
    }
}

extension Runtime {
    /// Calls the mutating method `site` is bound to on `receiver` in place: the receiver is
    /// swapped into the callee's `self` slot (no reference counting, so a uniquely referenced
    /// struct box stays unique) and swapped back when the call ends, also on error.
    func callMutatingDirect(_ site: MutatingCallSite, _ receiver: inout Value, _ arguments: [Value],
                            at location: SourceLocation) throws -> Value {
        try callMutatingDirect(site, &receiver, argumentCount: arguments.count, at: location) { plan, slots in
            for i in 0..<arguments.count { try put(arguments[i], i + 1, plan, slots, location) }
        } fallback: { arguments }
    }

    /// `callMutatingDirect` for a call with at most one argument (`argumentCount` 0 or 1):
    /// no array of arguments is made.
    func callMutatingDirect(_ site: MutatingCallSite, _ receiver: inout Value, _ argument: Value, argumentCount: Int,
                            at location: SourceLocation) throws -> Value {
        try callMutatingDirect(site, &receiver, argumentCount: argumentCount, at: location) { plan, slots in
            if argumentCount == 1 { try put(argument, 1, plan, slots, location) }
        } fallback: { argumentCount == 1 ? [argument] : [] }
    }

    /// Stores argument `i` (self is 0) in its parameter slot, converted to the parameter's type.
    @inline(__always)
    private func put(_ v: Value, _ i: Int, _ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>,
                     _ location: SourceLocation) throws {
        slots[plan.slots[i]] = plan.accepts(v, i) ? v : try coerceArgument(v, plan.prototype, plan.parameters[i], location)
    }

    @inline(__always)
    private func callMutatingDirect(_ site: MutatingCallSite, _ receiver: inout Value, argumentCount: Int,
                                    at location: SourceLocation,
                                    _ fill: (DirectPlan, UnsafeMutablePointer<Value>) throws -> Void,
                                    fallback arguments: () -> [Value]) throws -> Value {
        guard let plan = site.plan, let script = site.script, let function = site.function,
              plan.slots.count == argumentCount + 1 else { return .void }
        let n = plan.slotCount
        guard arenaTop + n <= Runtime.arenaCapacity, depth < maxDepth else {
            return try callMutating(.function(function), &receiver, arguments(), at: location)
        }
        if interruptFlag.pointee != 0 { try checkInterrupt(location) }
        depth += 1
        let slots = arena + arenaTop
        arenaTop += n
        let selfSlot = slots + plan.slot0
        swap(&selfSlot.pointee, &receiver)
        defer {
            swap(&selfSlot.pointee, &receiver)
            depth -= 1
            Runtime.clear(slots, n)
            arenaTop -= n
        }
        try fill(plan, slots)
        return try plan.run(Frame(slots: slots, cells: noCells, captures: script.captures), self)
    }
}
