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
        let site = CallSiteCache()
        /// Binds the variable's current function when it can be called directly.
        func prepare(_ f: Frame) -> Bool {
            guard case .function(let fn) = callee.value(f) else { return false }
            return site.prepare(fn, labels: labels, at: l)
        }

        switch argCodes.count {
        case 0: return fastCall(NoArguments(), callee, site, prepare, general, l)
        case 1: return fastCall(OneArgument(a: argCodes[0].run), callee, site, prepare, general, l)
        case 2: return fastCall(TwoArguments(a: argCodes[0].run, b: argCodes[1].run), callee, site, prepare, general, l)
        default: return fastCall(ManyArguments(codes: argCodes), callee, site, prepare, general, l)
        }
    }

    /// The call itself: the identity check, then the arguments straight into the slots.
    private func fastCall<Location: CalleeLocation, Fill: ArgumentFill>(
        _ fill: Fill, _ callee: Location, _ site: CallSiteCache, _ prepare: @escaping (Frame) -> Bool,
        _ general: @escaping Eval, _ l: SourceLocation
    ) -> Eval {
        let rt = runtime
        return { f in
            let id = callee.identity(f)
            if id == nil || id != site.identity {
                if id == nil || id == site.fallback || !prepare(f) { return try general(f) }
            }
            return try rt.callBound(site, fill, f, l) { try general(f) }
        }
    }
}
