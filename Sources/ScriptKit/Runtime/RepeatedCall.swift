/// One function value called many times from native code (`map`, `filter`, `sorted(by:)`...).
/// A script closure whose parameters are plain slots is planned once; each call then writes
/// its arguments straight into the callee's slots (no argument array, no reference counting).
/// Anything else (native functions, defaults, a tuple spread over several parameters, the
/// recursion limit) takes `Runtime.call`, with its checks and errors.
final class RepeatedCall {
    let runtime: Runtime
    /// Kept alive (with its captures) for as long as the calls run.
    let function: Value
    let location: SourceLocation
    /// Borrowed on each call without reference counting (`kept` owns it).
    private let plan: Unmanaged<DirectPlan>
    private let planned: Bool
    private let kept: DirectPlan?
    private let captures: UnsafeMutablePointer<Cell>

    init(_ runtime: Runtime, _ function: Value, arity: Int, at location: SourceLocation) {
        self.runtime = runtime
        self.function = function
        self.location = location
        if case .function(let f) = function, let script = f.script,
           let plan = DirectPlan(script.prototype, argumentCount: arity), !plan.hasCells {
            self.plan = Unmanaged.passUnretained(plan)
            planned = true
            kept = plan
            captures = script.captures
        } else {
            plan = Unmanaged.passUnretained(Compiler.KnownCallSite.noPlan)
            planned = false
            kept = nil
            captures = Runtime.noCells
        }
    }

    /// Calls with one argument.
    func callAsFunction(_ a: Value) throws -> Value {
        let rt = runtime
        return try plan._withUnsafeGuaranteedRef { plan in
            guard planned, rt.canEnter(plan.slotCount) else { return try rt.call(function, [a], at: location) }
            return try rt.enter(plan, captures, location) { slots in
                // The slots hold `.void` on entry (frames are cleared when popped): no destroy.
                (slots + plan.slot0).initialize(to: DirectPlan.fits(plan.kind0, a) ? a : try rt.coerceArgument(a, plan.prototype, 0, location))
            }
        }
    }

    /// Calls with two arguments.
    func callAsFunction(_ a: Value, _ b: Value) throws -> Value {
        let rt = runtime
        return try plan._withUnsafeGuaranteedRef { plan in
            guard planned, rt.canEnter(plan.slotCount) else { return try rt.call(function, [a, b], at: location) }
            return try rt.enter(plan, captures, location) { slots in
                (slots + plan.slot0).initialize(to: DirectPlan.fits(plan.kind0, a) ? a : try rt.coerceArgument(a, plan.prototype, 0, location))
                (slots + plan.slot1).initialize(to: DirectPlan.fits(plan.kind1, b) ? b : try rt.coerceArgument(b, plan.prototype, 1, location))
            }
        }
    }
}

extension Arguments {
    /// Prepares repeated calls of function argument `i` with `arity` positional arguments.
    func repeatedCall(_ i: Int, arity: Int) -> RepeatedCall {
        RepeatedCall(runtime, self[i], arity: arity, at: location)
    }
}
