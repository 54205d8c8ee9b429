/// Where a call by name finds its callee; specialized per kind, so that reading the
/// function's identity is inlined into the call site's code.
protocol CalleeLocation {
    /// The identity of the function value stored there, read without retaining it.
    func identity(_ f: Frame) -> ObjectIdentifier?
    func value(_ f: Frame) -> Value
}

struct GlobalCallee: CalleeLocation {
    let cell: Cell
    @inline(__always) func identity(_ f: Frame) -> ObjectIdentifier? { cell.functionIdentity }
    @inline(__always) func value(_ f: Frame) -> Value { cell.value }
}

struct SlotCallee: CalleeLocation {
    let index: Int
    @inline(__always) func identity(_ f: Frame) -> ObjectIdentifier? {
        if case .function(let fn) = f.slots[index] { return ObjectIdentifier(fn) }
        return nil
    }
    @inline(__always) func value(_ f: Frame) -> Value { f.slots[index] }
}

struct CellCallee: CalleeLocation {
    let index: Int
    @inline(__always) func identity(_ f: Frame) -> ObjectIdentifier? { f.cells[index].functionIdentity }
    @inline(__always) func value(_ f: Frame) -> Value { f.cells[index].value }
}

struct CaptureCallee: CalleeLocation {
    let index: Int
    @inline(__always) func identity(_ f: Frame) -> ObjectIdentifier? { f.captures[index].functionIdentity }
    @inline(__always) func value(_ f: Frame) -> Value { f.captures[index].value }
}

/// Calls of a variable by name (`fib(n - 1)`, a global, local or captured function): the
/// fast path of script calls. The site checks that the variable still holds the function
/// it called last (an identity comparison, no reference counting), then evaluates the
/// arguments straight into the callee's slots. A redefinition in a later chunk writes the
/// same global cell, so existing callers see it.
extension Compiler {
    /// What a call site by name remembers about the script function it called last. Its
    /// `var`s are read on every call: `@exclusivity(unchecked)` spares each read a dynamic
    /// exclusivity check (see `Cell`).
    final class KnownCallSite {
        /// The function value last called here (compared, never dereferenced).
        @exclusivity(unchecked) var identity: ObjectIdentifier? = nil
        @exclusivity(unchecked) var plan: Unmanaged<DirectPlan> = Unmanaged.passUnretained(KnownCallSite.noPlan)
        @exclusivity(unchecked) var captures: UnsafeMutablePointer<Cell> = Runtime.noCells
        /// A prototype whose calls from here cannot take the fast path (variadic or captured
        /// parameters, a default before an argument, wrong labels).
        weak var unplannable: FunctionPrototype? = nil
        /// The function value last seen here that cannot take the fast path (a native
        /// function, variadic or captured parameters...): its calls go straight to the general
        /// path. Compared only; should the identity be reused by another function, that one
        /// just takes the general path, which is always correct.
        @exclusivity(unchecked) var fallback: ObjectIdentifier? = nil
        /// Calls through this site now running. While one runs, the function and plan it
        /// uses must outlive a redefinition seen by a nested call here.
        @exclusivity(unchecked) var active = 0
        /// Keeps the current function and plan alive (and earlier ones while `active > 0`).
        @exclusivity(unchecked) var kept: [AnyObject] = []

        static let noPlan = DirectPlan(FunctionPrototype(
            name: "", labels: [], parameterNames: [], parameterTypes: [], targets: [],
            variadicIndex: nil, location: SourceLocation(line: 1, column: 1)), argumentCount: 0)!

        /// Remembers `fn` (a script function) with `plan` for the next calls.
        func install(_ fn: Function, _ script: ScriptFunction, _ plan: DirectPlan) {
            if active == 0 { kept.removeAll(keepingCapacity: true) }
            kept.append(fn)
            kept.append(plan)
            identity = ObjectIdentifier(fn)
            self.plan = Unmanaged.passUnretained(plan)
            captures = script.captures
        }
    }

    /// `name(args)` where `name` is a variable: a remembered script function is called
    /// directly; anything else goes through `functionValueCall`.
    func knownCall(_ ref: VarRef, _ args: [Argument], _ l: SourceLocation) -> Eval {
        switch ref {
        case .global(let cell): return knownCall(GlobalCallee(cell: cell), args, l)
        case .slot(let i): return knownCall(SlotCallee(index: i), args, l)
        case .cell(let i): return knownCall(CellCallee(index: i), args, l)
        case .capture(let i): return knownCall(CaptureCallee(index: i), args, l)
        }
    }

    func knownCall<Location: CalleeLocation>(_ callee: Location, _ args: [Argument], _ l: SourceLocation) -> Eval {
        let labels = args.map(\.label)
        let argCodes = args.map { EvalCode(run: expr($0.value)) }
        let general = functionValueCall({ f in callee.value(f) }, labels, argCodes, l)
        let site = KnownCallSite()
        let count = argCodes.count
        let mapping = CallSite()

        /// Installs the variable's current function when it can take the fast path.
        func prepare(_ f: Frame) -> Bool {
            guard case .function(let fn) = callee.value(f) else { return false }
            guard let script = fn.script else {
                site.fallback = ObjectIdentifier(fn)
                return false
            }
            let p = script.prototype
            if p === site.unplannable {
                site.fallback = ObjectIdentifier(fn)
                return false
            }
            var plan = site.plan.takeUnretainedValue()
            if plan.prototype !== p {
                guard (try? Compiler.mapArguments(p, labels, mapping, l)) != nil,
                      let made = DirectPlan(p, mapping: mapping.mapping), !made.hasCells else {
                    site.unplannable = p
                    site.fallback = ObjectIdentifier(fn)
                    return false
                }
                plan = made
            }
            site.install(fn, script, plan)
            return true
        }

        switch count {
        case 0: return fastCall(NoArguments(), callee, site, prepare, general, l)
        case 1: return fastCall(OneArgument(a: argCodes[0].run), callee, site, prepare, general, l)
        case 2: return fastCall(TwoArguments(a: argCodes[0].run, b: argCodes[1].run), callee, site, prepare, general, l)
        default: return fastCall(ManyArguments(codes: argCodes), callee, site, prepare, general, l)
        }
    }

    /// The call itself: the identity check, then the arguments straight into the slots.
    private func fastCall<Location: CalleeLocation, Fill: ArgumentFill>(
        _ fill: Fill, _ callee: Location, _ site: KnownCallSite, _ prepare: @escaping (Frame) -> Bool,
        _ general: @escaping Eval, _ l: SourceLocation
    ) -> Eval {
        let rt = runtime
        return { f in
            let id = callee.identity(f)
            if id == nil || id != site.identity {
                if id == nil || id == site.fallback || !prepare(f) { return try general(f) }
            }
            return try site.plan._withUnsafeGuaranteedRef { plan in
                guard rt.canEnter(plan.slotCount) else { return try general(f) }
                site.active += 1
                defer { site.active -= 1 }
                return try rt.enter(plan, site.captures, l) { slots in try fill.fill(plan, slots, f, rt, l) }
            }
        }
    }
}

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

private struct NoArguments: ArgumentFill {
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {}
}

private struct OneArgument: ArgumentFill {
    let a: Eval
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        try put(try a(caller), plan.parameter0, plan.slot0, plan.kind0, plan, slots, rt, l)
    }
}

private struct TwoArguments: ArgumentFill {
    let a: Eval
    let b: Eval
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        try put(try a(caller), plan.parameter0, plan.slot0, plan.kind0, plan, slots, rt, l)
        try put(try b(caller), plan.parameter1, plan.slot1, plan.kind1, plan, slots, rt, l)
    }
}

private struct ManyArguments: ArgumentFill {
    let codes: [EvalCode]
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        for i in 0..<codes.count {
            try put(try codes[i].run(caller), plan.parameters[i], plan.slots[i], plan.kinds[i], plan, slots, rt, l)
        }
    }
}
