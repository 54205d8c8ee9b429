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
    /// variadic): calls whose arguments map one to one then take `Runtime.callBound` (see `DirectPlan`).
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
