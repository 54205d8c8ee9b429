/// One call site of a declared type's `mutating` method (`ps[i].step(0.5)`), bound once: the
/// receiver's type and the method's function found by the first call, and a `DirectPlan`
/// whose first parameter is `self`. Later calls whose receiver has the same type and whose
/// method is still the same function go straight to `Runtime.callMutatingDirect`, without
/// looking the method up by name or binding arguments.
///
/// The site is bound at most once and keeps what it bound alive in `kept`; the call path
/// reads identities, an unmanaged plan and slot, and the captures pointer, so that a call
/// retains and releases nothing of the site's.
final class MutatingCallSite {   // read on every call (`@exclusivity(unchecked)`: see `Cell`)
    /// The receiver's type the site was bound for (nil: unbound). Compared, never dereferenced.
    @exclusivity(unchecked) private(set) var typeIdentity: ObjectIdentifier? = nil
    /// The method's function when bound; compared with the slot's current value on each
    /// call, so that a redeclared method is never called through a stale binding.
    @exclusivity(unchecked) private var functionIdentity: ObjectIdentifier? = nil
    @exclusivity(unchecked) private var slot: Unmanaged<MemberSlot>? = nil
    @exclusivity(unchecked) private(set) var plan: Unmanaged<DirectPlan>? = nil
    @exclusivity(unchecked) private(set) var captures: UnsafeMutablePointer<Cell> = Runtime.noCells
    /// The bound function (for the general path when the arena is full), kept alive here.
    @exclusivity(unchecked) private(set) var function: Function? = nil
    private var kept: [AnyObject] = []
    /// Set when the site met a receiver it was not bound for, or a method it cannot call
    /// directly: it stays on the general path.
    @exclusivity(unchecked) var disabled = false

    /// Whether the site is bound and still in use.
    var isBound: Bool { typeIdentity != nil && !disabled }

    /// Binds the site to `function` called on receivers of `type`, when its parameters (self
    /// first) all live in slots; otherwise the site stays on the general path for good.
    func bind(_ type: ScriptTypeInfo, _ slot: MemberSlot, argumentCount: Int) {
        guard !disabled, typeIdentity == nil else { return }
        guard case .function(let fn) = slot.function, let script = fn.script,
              script.prototype.labels.count == argumentCount + 1,
              let plan = DirectPlan(script.prototype, argumentCount: argumentCount + 1, inoutSelf: true),
              !plan.hasCells else {
            disabled = true
            return
        }
        kept = [type, slot, fn, script, plan]
        typeIdentity = ObjectIdentifier(type)
        functionIdentity = ObjectIdentifier(fn)
        self.slot = Unmanaged.passUnretained(slot)
        self.plan = Unmanaged.passUnretained(plan)
        captures = script.captures
        function = fn
    }

    /// Whether `receiver` is a value of the bound type and the method is still the bound one.
    @inline(__always)
    func matches(_ receiver: Value) -> Bool {
        guard let slot, case .native(let n) = receiver, let o = Value.asScriptObject(n),
              ObjectIdentifier(o.type) == typeIdentity else { return false }
        return slot._withUnsafeGuaranteedRef { s in
            if case .function(let fn) = s.function { return ObjectIdentifier(fn) == functionIdentity }
            return false
        }
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
    private func put(_ v: consuming Value, _ i: Int, _ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>,
                     _ location: SourceLocation) throws {
        // Parameter slots hold `.void` on entry (frames are cleared when popped): no destroy.
        if plan.accepts(v, i) {
            (slots + plan.slots[i]).initialize(to: v)
        } else {
            (slots + plan.slots[i]).initialize(to: try coerceArgument(v, plan.prototype, plan.parameters[i], location))
        }
    }

    @inline(__always)
    private func callMutatingDirect(_ site: MutatingCallSite, _ receiver: inout Value, argumentCount: Int,
                                    at location: SourceLocation,
                                    _ fill: (DirectPlan, UnsafeMutablePointer<Value>) throws -> Void,
                                    fallback arguments: () -> [Value]) throws -> Value {
        guard let unmanagedPlan = site.plan else { return .void }
        return try unmanagedPlan._withUnsafeGuaranteedRef { plan in
            try callMutatingDirect(site, plan, &receiver, argumentCount: argumentCount, at: location, fill, fallback: arguments)
        }
    }

    @inline(__always)
    private func callMutatingDirect(_ site: MutatingCallSite, _ plan: DirectPlan, _ receiver: inout Value,
                                    argumentCount: Int, at location: SourceLocation,
                                    _ fill: (DirectPlan, UnsafeMutablePointer<Value>) throws -> Void,
                                    fallback arguments: () -> [Value]) throws -> Value {
        let n = plan.slotCount
        guard arenaTop + n <= Runtime.arenaCapacity, depth < maxDepth, plan.slots.count == argumentCount + 1 else {
            return try callMutating(site.function.map { .function($0) } ?? .void, &receiver, arguments(), at: location)
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
        return try plan.run(Frame(slots: slots, cells: noCells, captures: site.captures), self)
    }
}
