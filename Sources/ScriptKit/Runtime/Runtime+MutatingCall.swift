/// Calls of a declared type's `mutating` members. The member is a function whose first
/// parameter is `inout self`: the receiver is moved into it (so a uniquely referenced struct
/// box is changed in place, without a copy) and moved back when the call ends, also on error.
extension Runtime {
    func callMutating(_ function: Value, _ receiver: inout Value, _ arguments: [Value],
                      at location: SourceLocation) throws -> Value {
        guard case .function(let f) = function, let script = f.script,
              script.prototype.labels.count == arguments.count + 1 else {
            throw LocatedError(message: "this member is used before its declaration has run", location: location)
        }
        let p = script.prototype
        var moved = receiver
        receiver = .void
        defer { receiver = moved }
        return try withFrame(script, location) { frame in
            defer {
                switch p.targets[0] {
                case .slot(let s): moved = frame.slots[s]; frame.slots[s] = .void
                case .cell(let c): moved = frame.cells[c].value; frame.cells[c].value = .void
                }
            }
            var first = moved
            moved = .void
            store(first, p.targets[0], frame)
            first = .void
            for (i, value) in arguments.enumerated() {
                var v = value
                if let t = p.parameterTypes[i + 1] {
                    v = try coerce(v, to: t, what: "argument '\(p.parameterNames[i + 1])' of '\(p.signatureName)'", at: location)
                }
                store(v, p.targets[i + 1], frame)
            }
            return try runBody(p, frame, location)
        }
    }
}

extension Runtime {
    /// Calls the mutating method `site` is bound to (`CallSiteCache.bindMutating`) on
    /// `receiver` in place: the receiver is swapped into the callee's `self` slot (no
    /// reference counting, so a uniquely referenced struct box stays unique) and swapped
    /// back when the call ends, also on error.
    func callMutatingDirect(_ site: CallSiteCache, _ receiver: inout Value, _ arguments: [Value],
                            at location: SourceLocation) throws -> Value {
        try callMutatingDirect(site, &receiver, argumentCount: arguments.count, at: location) { plan, slots in
            for i in 0..<arguments.count { try put(arguments[i], i + 1, plan, slots, location) }
        } fallback: { arguments }
    }

    /// `callMutatingDirect` for a call with at most one argument (`argumentCount` 0 or 1):
    /// no array of arguments is made.
    func callMutatingDirect(_ site: CallSiteCache, _ receiver: inout Value, _ argument: Value, argumentCount: Int,
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
    private func callMutatingDirect(_ site: CallSiteCache, _ receiver: inout Value, argumentCount: Int,
                                    at location: SourceLocation,
                                    _ fill: (DirectPlan, UnsafeMutablePointer<Value>) throws -> Void,
                                    fallback arguments: () -> [Value]) throws -> Value {
        try site.plan._withUnsafeGuaranteedRef { plan in
            guard stack.canPush(plan.slotCount), plan.slots.count == argumentCount + 1 else {
                let function = site.function.map { Value.function($0.takeUnretainedValue()) } ?? .void
                return try callMutating(function, &receiver, arguments(), at: location)
            }
            let selfSlot = plan.slot0
            return try withUnsafeMutablePointer(to: &receiver) { r in
                try site.whileActive {
                    try enter(plan, site.captures, location) { slots in
                        swap(&slots[selfSlot], &r.pointee)
                        try fill(plan, slots)
                    } leaving: { slots in
                        swap(&slots[selfSlot], &r.pointee)
                    }
                }
            }
        }
    }
}
