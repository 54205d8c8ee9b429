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
    private let site = CallSiteCache()
    private let planned: Bool

    init(_ runtime: Runtime, _ function: Value, arity: Int, at location: SourceLocation) {
        self.runtime = runtime
        self.function = function
        self.location = location
        if case .function(let f) = function {
            planned = site.preparePositional(f, arity: arity)
        } else {
            planned = false
        }
    }

    /// Calls with one argument.
    func callAsFunction(_ a: Value) throws -> Value {
        guard planned else { return try runtime.call(function, [a], at: location) }
        return try runtime.callBound(site, GivenArguments(a: a, b: nil), Frame.none, location) {
            try runtime.call(function, [a], at: location)
        }
    }

    /// Calls with two arguments.
    func callAsFunction(_ a: Value, _ b: Value) throws -> Value {
        guard planned else { return try runtime.call(function, [a, b], at: location) }
        return try runtime.callBound(site, GivenArguments(a: a, b: b), Frame.none, location) {
            try runtime.call(function, [a, b], at: location)
        }
    }
}

/// One or two argument values already computed (by native code), for `Runtime.callBound`.
private struct GivenArguments: ArgumentFill {
    let a: Value
    let b: Value?
    @inline(__always)
    func fill(_ plan: DirectPlan, _ slots: UnsafeMutablePointer<Value>, _ caller: Frame, _ rt: Runtime,
              _ l: SourceLocation) throws {
        try put(a, plan.parameter0, plan.slot0, plan.kind0, plan, slots, rt, l)
        if let b { try put(b, plan.parameter1, plan.slot1, plan.kind1, plan, slots, rt, l) }
    }
}

extension Arguments {
    /// Prepares repeated calls of function argument `i` with `arity` positional arguments.
    func repeatedCall(_ i: Int, arity: Int) -> RepeatedCall {
        RepeatedCall(runtime, self[i], arity: arity, at: location)
    }
}
