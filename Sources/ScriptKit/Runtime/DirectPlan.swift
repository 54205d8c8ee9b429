/// How a call site whose arguments map one to one onto slot parameters calls a prototype:
/// computed once per (call site, prototype), so the call itself only copies values. Every
/// field is a `let`, so code holding the plan borrows them without reference counting.
final class DirectPlan {
    /// Which scalar type a parameter or result requires (checked without looking at its `TypeRef`).
    enum Kind { case any, int, double, string, bool, other }

    /// A parameter the call leaves out: its default is evaluated in the callee's frame.
    struct DefaultFill {
        let slot: Int
        let parameter: Int
        let code: EvalCode
    }

    let prototype: FunctionPrototype
    /// For each argument: the slot, the required kind and the index of its parameter.
    let slots: [Int]
    let kinds: [Kind]
    let parameters: [Int]
    /// The first two arguments' slots, kinds and parameters (0 and `.any` when absent).
    let slot0: Int
    let kind0: Kind
    let parameter0: Int
    let slot1: Int
    let kind1: Kind
    let parameter1: Int
    /// Trailing parameters left to their defaults, in parameter order.
    let defaults: [DefaultFill]
    let hasDefaults: Bool
    let slotCount: Int
    let hasCells: Bool
    /// The callee's body and declared result, copied from the prototype once it is compiled.
    let body: Exec
    /// The body as one expression when `hasValueBody` (no `Flow` to unwrap).
    let valueBody: EvalCode
    let hasValueBody: Bool
    let returnType: TypeRef?
    let returnKind: Kind

    /// A plan for calls passing `argumentCount` positional arguments, one per parameter.
    /// `inoutSelf`: the first parameter is a mutating method's `inout self`, which the caller
    /// moves in and out itself (`Runtime.callMutatingDirect`).
    convenience init?(_ p: FunctionPrototype, argumentCount: Int, inoutSelf: Bool = false) {
        guard argumentCount == p.labels.count else { return nil }
        self.init(p, mapping: Array(0..<argumentCount), inoutSelf: inoutSelf)
    }

    /// A plan for calls whose arguments map onto parameters as `mapping` says (for each
    /// parameter: the argument index, or -1 for its default). Nil when a parameter is not a
    /// plain slot, is variadic or `inout` (but for `inoutSelf`, see above), or when a
    /// defaulted parameter comes before an argument.
    init?(_ p: FunctionPrototype, mapping: [Int], inoutSelf: Bool = false) {
        guard let paramSlots = p.directSlots, paramSlots.count == mapping.count,
              p.inoutIndices.isEmpty || (inoutSelf && p.inoutIndices == [0]) else { return nil }
        let paramKinds = p.parameterTypes.map(DirectPlan.kind)
        var slots: [Int] = [], kinds: [Kind] = [], parameters: [Int] = [], defaults: [DefaultFill] = []
        for (pi, ai) in mapping.enumerated() {
            if ai == -1, pi < p.defaults.count, let d = p.defaults[pi] {
                defaults.append(DefaultFill(slot: paramSlots[pi], parameter: pi, code: EvalCode(run: d)))
                continue
            }
            // Arguments arrive in parameter order; none may follow a default (evaluation order).
            guard ai == slots.count, defaults.isEmpty else { return nil }
            slots.append(paramSlots[pi])
            kinds.append(paramKinds[pi])
            parameters.append(pi)
        }
        prototype = p
        self.slots = slots
        self.kinds = kinds
        self.parameters = parameters
        slot0 = slots.first ?? 0
        kind0 = kinds.first ?? .any
        parameter0 = parameters.first ?? 0
        slot1 = slots.count > 1 ? slots[1] : 0
        kind1 = kinds.count > 1 ? kinds[1] : .any
        parameter1 = parameters.count > 1 ? parameters[1] : 0
        self.defaults = defaults
        hasDefaults = !defaults.isEmpty
        slotCount = p.slotCount
        hasCells = p.cellCount > 0
        body = p.body
        valueBody = p.valueBody ?? EvalCode { _ in .void }
        hasValueBody = p.valueBody != nil
        returnType = p.returnType
        returnKind = p.returnType.map(DirectPlan.kind) ?? .any
    }

    static func kind(_ t: TypeRef?) -> Kind {
        guard let t else { return .any }
        switch t {
        case .named("Int"): return .int
        case .named("Double"): return .double
        case .named("String"): return .string
        case .named("Bool"): return .bool
        default: return .other
        }
    }

    @inline(__always)
    static func fits(_ kind: Kind, _ v: Value) -> Bool {
        switch (kind, v) {
        case (.any, _), (.int, .int), (.double, .double), (.string, .string), (.bool, .bool): return true
        default: return false
        }
    }

    /// Whether `v` passes parameter `i`'s type without conversion.
    @inline(__always)
    func accepts(_ v: Value, _ i: Int) -> Bool {
        DirectPlan.fits(kinds[i], v)
    }

    /// Runs the body in `frame` and checks its result against the declared type.
    @inline(__always)
    func run(_ frame: Frame, _ rt: Runtime) throws -> Value {
        let v: Value
        if hasValueBody {
            v = try valueBody.run(frame)
        } else {
            guard case .returned(let r) = try body(frame) else { return .void }
            v = r
        }
        if DirectPlan.fits(returnKind, v) { return v }
        guard let t = returnType else { return v }
        return try rt.coerce(v, to: t, what: "return value of '\(prototype.signatureName)'", at: prototype.location)
    }
}
