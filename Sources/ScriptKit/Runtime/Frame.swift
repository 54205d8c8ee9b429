/// A boxed variable: a local captured by a closure, or a global.
final class Cell {
    /// The variable's value, read and written by every access to the variable
    /// (`@exclusivity(unchecked)`: a class's stored `var` otherwise costs a dynamic
    /// exclusivity check per access, a third of a scalar loop's time; the interpreter never
    /// holds two overlapping accesses to one cell).
    @exclusivity(unchecked) var value: Value
    init(_ value: Value) { self.value = value }
    /// Shared filler for cell slots not yet declared.
    static let placeholder = Cell(.void)

    /// The identity of the function value held, if any, read without retaining it.
    @inline(__always)
    var functionIdentity: ObjectIdentifier? {
        if case .function(let f) = value { return ObjectIdentifier(f) }
        return nil
    }
}

/// The storage of one running function: plain locals in `slots`, captured locals in `cells`,
/// and the enclosing function's cells this closure captured in `captures`.
/// All three are unsafe buffers, resolved to indices before the code runs.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell>
    let captures: UnsafeMutablePointer<Cell>
}

/// How a statement finished.
enum Flow {
    case normal
    /// `break` out of the loop or switch with this id.
    case breakOut(Int)
    /// `continue` the loop with this id.
    case continueLoop(Int)
    case fallthroughCase
    case returned(Value)

    /// What a loop does once its body has run with result `flow`: nil to go on (the body
    /// finished, or continued this loop), else the result the loop itself returns (`.normal`
    /// when the body broke out of this loop; any other flow passes through).
    @inline(__always)
    static func afterLoopBody(_ flow: Flow, loop id: Int) -> Flow? {
        switch flow {
        case .normal: return nil
        case .continueLoop(let t) where t == id: return nil
        case .breakOut(let t) where t == id: return .normal
        case let other: return other
        }
    }
}

/// Compiled code.
typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow

/// Compiled code kept in an array. A closure stored in an array directly is stored
/// reabstracted, and every call then goes through conversion thunks; a concrete struct
/// field keeps the closure's natural calling convention.
struct ExecCode {
    let run: Exec
}

/// An expression's code kept in an array (see `ExecCode`).
struct EvalCode {
    let run: Eval
}

/// Where a parameter lands in the callee's frame.
enum LocalTarget {
    case slot(Int)
    case cell(Int)
}

/// What a function declaration compiles to, shared by every closure made from it.
final class FunctionPrototype {
    let name: String
    let labels: [String?]
    let parameterNames: [String]
    let parameterTypes: [TypeRef?]
    let targets: [LocalTarget]
    let variadicIndex: Int?
    // The `var`s below are set once while compiling and read on every call:
    // `@exclusivity(unchecked)` spares each read a dynamic exclusivity check (see `Cell`).
    @exclusivity(unchecked) var defaults: [Eval?] = []
    @exclusivity(unchecked) var slotCount = 0
    @exclusivity(unchecked) var cellCount = 0
    @exclusivity(unchecked) var body: Exec = { _ in .normal }
    /// The body as one expression, when it is only tests and returns (see `isValueChain`).
    @exclusivity(unchecked) var valueBody: EvalCode? = nil
    @exclusivity(unchecked) var returnType: TypeRef?
    /// The `inout` parameters (their final values are written back to the `&` arguments).
    @exclusivity(unchecked) var inoutIndices: [Int] = []
    let location: SourceLocation
    /// The parameters' slots when every parameter lives in a slot (no captured parameter, no
    /// variadic): calls whose arguments map one to one then take `Runtime.callDirect`.
    var directSlots: [Int]? {
        if variadicIndex != nil { return nil }
        var out: [Int] = []
        for t in targets {
            guard case .slot(let i) = t else { return nil }
            out.append(i)
        }
        return out
    }

    init(name: String, labels: [String?], parameterNames: [String], parameterTypes: [TypeRef?],
         targets: [LocalTarget], variadicIndex: Int?, location: SourceLocation) {
        self.name = name
        self.labels = labels
        self.parameterNames = parameterNames
        self.parameterTypes = parameterTypes
        self.targets = targets
        self.variadicIndex = variadicIndex
        self.location = location
    }

    /// `name(label:_:)` as Swift writes it.
    var signatureName: String {
        name + "(" + labels.map { ($0 ?? "_") + ":" }.joined() + ")"
    }
}

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
    convenience init?(_ p: FunctionPrototype, argumentCount: Int) {
        guard argumentCount == p.labels.count else { return nil }
        self.init(p, mapping: Array(0..<argumentCount))
    }

    /// A plan for calls whose arguments map onto parameters as `mapping` says (for each
    /// parameter: the argument index, or -1 for its default). Nil when a parameter is not a
    /// plain slot, is variadic, or when a defaulted parameter comes before an argument.
    init?(_ p: FunctionPrototype, mapping: [Int]) {
        guard let paramSlots = p.directSlots, paramSlots.count == mapping.count, p.inoutIndices.isEmpty else { return nil }
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

/// A closure: a prototype plus the cells it captured.
final class ScriptFunction {
    let prototype: FunctionPrototype
    let captures: UnsafeMutablePointer<Cell>
    let captureCount: Int

    init(prototype: FunctionPrototype, captures: UnsafeMutablePointer<Cell>, captureCount: Int) {
        self.prototype = prototype
        self.captures = captures
        self.captureCount = captureCount
    }

    deinit {
        captures.deinitialize(count: captureCount)
        captures.deallocate()
    }
}

/// Thrown by `x?` when `x` is nil; caught by the enclosing optional chain.
struct OptionalChainNil: Error {}

/// Thrown when `Interpreter.requestInterrupt()` stopped the running chunk.
struct Interrupted: Error {
    var location: SourceLocation
}
