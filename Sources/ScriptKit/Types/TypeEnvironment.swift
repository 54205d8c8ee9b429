/// What the type checker knows about a name.
struct TypedName {
    var type: ScriptType
    var isConstant: Bool
    /// For names declared with `func`: labels, defaults and throwing, for checking calls.
    var function: FunctionSignature? = nil
}

/// A script function's declared signature (`func f(_ x: Int, by k: Double = 1) throws -> Int`).
struct FunctionSignature {
    struct Parameter {
        var label: String?
        var name: String
        var type: ScriptType
        var hasDefault: Bool
        var isVariadic: Bool
        var isInout = false
    }
    var name: String
    var parameters: [Parameter]
    var result: ScriptType
    var throwing: Bool
    var rethrowing = false
    var genericNames: [String] = []

    /// The function value's type.
    var type: ScriptType {
        .function(FunctionType(parameters: parameters.map(\.type), result: result, throwing: throwing))
    }
}

/// Nested scopes of typed names: blocks inside functions inside the chunk, over the
/// session's globals (which persist across cells).
struct TypeEnvironment {
    /// The session's globals, from earlier chunks.
    var globals: [String: TypedName]
    /// Blocks, innermost last; the first is the chunk's top level.
    private(set) var blocks: [[String: TypedName]] = [[:]]

    init(globals: [String: TypedName]) {
        self.globals = globals
    }

    mutating func push() { blocks.append([:]) }
    mutating func pop() { blocks.removeLast() }

    /// True at the chunk's top level, where declarations are globals.
    var atTopLevel: Bool { blocks.count == 1 }

    mutating func declare(_ name: String, _ info: TypedName) {
        blocks[blocks.count - 1][name] = info
    }

    /// The number of open blocks.
    var depth: Int { blocks.count }

    /// Whether `name` is declared in a block opened at `depth` or deeper (a member's locals).
    func isLocal(_ name: String, from depth: Int) -> Bool {
        guard depth <= blocks.count else { return false }
        return blocks[max(depth - 1, 0)...].contains { $0[name] != nil }
    }

    func lookup(_ name: String) -> TypedName? {
        for b in blocks.reversed() { if let t = b[name] { return t } }
        return globals[name]
    }

    /// The names the chunk declared at its top level.
    var topLevel: [String: TypedName] { blocks[0] }
}
