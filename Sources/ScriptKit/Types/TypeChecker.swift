/// The static type checker: runs between parsing and compiling. Every expression gets a type
/// by bidirectional inference (an expected type flows down, the found type flows up; literals
/// and closures take their types from context; generic rows are instantiated with fresh
/// variables solved by unification). Type errors are collected with swiftc's wording, and the
/// chunk is returned rewritten where types change what runs (an integer literal that Swift
/// would make a Double becomes a Double literal).
///
/// Names the checker cannot type (a loosely typed host row, an unknown name the compiler will
/// report) get the type `unknown`, which fits everywhere: the runtime checks those values.
final class TypeChecker {
    /// Where a value meets the type it must have: picks swiftc's wording for the mismatch.
    enum Context {
        case specified
        case argument
        case assignment
        case returnValue
        case element
        case dictionaryKey
        case dictionaryValue
        case condition
        case initializer
    }

    /// One function or closure being checked.
    struct FunctionContext {
        var result: ScriptType
        /// Whether a `try` here may let an error out (a throwing function, a closure, the top level).
        var mayThrow: Bool
        /// Set when an unhandled `try` appears in a closure (the closure then throws).
        var threw = false
        var isClosure: Bool
    }

    let registry: Registry
    var solver = TypeSolver()
    var env: TypeEnvironment
    var errors: [LocatedError] = []
    /// The inference variable of each integer or float literal, by its location.
    var literalTypes: [SourceLocation: ScriptType] = [:]
    /// Array literals with `nil` among their elements (`[1, nil]`): the rewrite makes them
    /// `[...] as [Any?]`, so the elements are stored as optionals.
    var optionalArrayLiterals: Set<SourceLocation> = []
    var functions: [FunctionContext]
    /// Depth of enclosing `try` expressions and of `do` bodies with a `catch`.
    var tryDepth = 0
    var catchDepth = 0
    /// Throwing calls seen so far (a `try` checks whether it covers any).
    var throwingCalls = 0
    /// The `(` of the call being matched (swiftc points label errors there).
    var callParen: SourceLocation? = nil
    /// The type whose member body is being checked, and the scope depth of its body.
    struct MemberContext {
        var type: ScriptType
        var depth: Int
    }
    var memberContext: MemberContext? = nil
    /// The type whose static member is being checked, and the scope depth there: its other
    /// static members may be named unqualified (`count += 1` for `Self.count`).
    var staticContext: (typeName: String, depth: Int)? = nil
    /// Unqualified names of static members, by location, with their type's name: the rewrite
    /// makes them `Type.name`.
    var staticMembers: [SourceLocation: String] = [:]
    /// The generic parameters of the functions whose bodies are being checked (`var out: [U]`
    /// inside `func apply<T, U>`): each is its constraint's type, or any type.
    var genericScope: [String: ScriptType] = [:]
    /// The generic parameter names of the functions whose bodies are being rewritten.
    var genericsBeingRewritten: Set<String> = []
    /// Assignments (by location) and arguments (by their location) whose value is stored
    /// where an optional is expected (`xs[0] = 5` or `xs.append(5)` for `xs: [Int?]`,
    /// `s.v = 4` for `v: Int?`): the rewrite wraps the value, so it prints as `Optional(5)`.
    var optionalWraps: Set<SourceLocation> = []
    /// Type aliases used as values (a nested type's bare name), by location, with the type
    /// they name: the rewrite writes the type's own name.
    var aliasedTypeNames: [SourceLocation: String] = [:]
    /// Set while checking an `init` (where `let` properties are assigned).
    var isInitializer = false
    /// `super.m` calls and the row names that run the superclass's `m` (see `Registry`).
    var superMembers: [SourceLocation: String] = [:]
    /// Names read as `self.name` (implicit member access inside a type's members).
    var selfMembers: Set<SourceLocation> = []
    /// Implicit members (`.red`, `.circle(radius: 1)`) and the type they were found in.
    var implicitMembers: [SourceLocation: String] = [:]
    /// `A.B` member expressions that name a nested bound type (`MultVAE.Configuration`).
    var nestedTypeNames: [SourceLocation: String] = [:]
    /// Calls of library values whose type has `callAsFunction` rows (`layer(x)`), by the
    /// call's location: rewritten to `layer.callAsFunction(x)`.
    var callAsFunctionCalls: Set<SourceLocation> = []
    /// Assignments whose root is a class instance: allowed through a `let`.
    var classRoots: Set<SourceLocation> = []

    init(registry: Registry, globals: [String: TypedName]) {
        self.registry = registry
        self.env = TypeEnvironment(globals: globals)
        self.functions = [FunctionContext(result: .unknown, mayThrow: true, isClosure: false)]
    }

    /// Checks a chunk; returns it rewritten (literals typed) with the errors found.
    func check(_ statements: [Stmt]) -> [Stmt] {
        checkBlock(statements, newScope: false)
        return statements.map { rewrite($0) }
    }

    /// The types of the globals the chunk declared (to commit when it runs).
    var declaredGlobals: [String: TypedName] {
        env.topLevel.mapValues { TypedName(type: solver.resolve($0.type), isConstant: $0.isConstant, function: $0.function) }
    }

    // MARK: - Errors

    func error(_ message: String, _ location: SourceLocation) {
        if errors.contains(where: { $0.location == location }) { return }
        errors.append(LocatedError(message: message, location: location))
    }

    /// A type for messages.
    func show(_ t: ScriptType) -> String { solver.display(t).description }

    /// `t` with its solved variables replaced. (Write `resolve(infer(e))`, never
    /// `solver.resolve(infer(e))`: that reads `solver` before `infer` updates it.)
    func resolve(_ t: ScriptType) -> ScriptType { solver.resolve(t) }

    /// `t` as messages show it (see `resolve`).
    func display(_ t: ScriptType) -> ScriptType { solver.display(t) }

    /// Runs `body` as a trial: if it reports errors or returns false, everything it solved and
    /// reported is undone and false is returned.
    /// (`literalTypes` needs no undoing: whatever follows a failed trial infers the same
    /// arguments again, which records their literals afresh.)
    func attempt(_ body: () -> Bool) -> Bool {
        let solver0 = solver, errors0 = errors.count
        if body() && errors.count == errors0 { return true }
        solver = solver0
        errors.removeLast(errors.count - errors0)
        return false
    }

    // MARK: - Conversions

    /// Whether a value of type `from` fits where `to` is expected, solving variables as
    /// needed: equal types, an optional promotion (`T` to `T?`), `unknown` anywhere.
    func convert(_ from: ScriptType, to: ScriptType) -> Bool {
        let f = solver.resolve(from), t = solver.resolve(to)
        if solver.unify(f, t) { return true }
        switch (f, t) {
        case (.optional, .optional):
            return false
        case (_, .optional(let wrapped)):
            return convert(f, to: wrapped)
        case (.array(let x), .array(let y)):
            // [T] to [T?] and [Int] into [Any]-like containers.
            return convert(x, to: y)
        case (.tuple(let xs, _), .tuple(let ys, _)) where xs.count == ys.count:
            // `(1, "a")` where an `(Int, String?)` is expected.
            return zip(xs, ys).allSatisfy { convert($0, to: $1) }
        case (.native(let a), .native(let b)):
            if registry.types[a]?.conformances.contains(b) == true { return true }
            guard let info = registry.scriptTypes[a] else { return false }
            if info.conformances.contains(b) { return true }
            if let other = registry.scriptTypes[b] { return info.isSubtype(of: other) }
            return false
        default:
            return false
        }
    }

    /// Checks that `e` (already inferred as `found`) fits `expected`; reports the mismatch.
    @discardableResult
    func require(_ found: ScriptType, _ expected: ScriptType, _ context: Context, at e: Expr) -> Bool {
        if convert(found, to: expected) { return true }
        mismatch(found, expected, context, at: startLocation(e))
        return false
    }

    func mismatch(_ found: ScriptType, _ expected: ScriptType, _ context: Context, at location: SourceLocation) {
        let f = show(found), t = show(expected)
        switch context {
        case .specified: error("cannot convert value of type '\(f)' to specified type '\(t)'", location)
        case .argument: error("cannot convert value of type '\(f)' to expected argument type '\(t)'", location)
        case .assignment: error("cannot assign value of type '\(f)' to type '\(t)'", location)
        case .returnValue: error("cannot convert return expression of type '\(f)' to return type '\(t)'", location)
        case .element: error("cannot convert value of type '\(f)' to expected element type '\(t)'", location)
        case .dictionaryKey: error("cannot convert value of type '\(f)' to expected dictionary key type '\(t)'", location)
        case .dictionaryValue: error("cannot convert value of type '\(f)' to expected dictionary value type '\(t)'", location)
        case .initializer: error("cannot convert value of type '\(f)' to expected argument type '\(t)'", location)
        case .condition:
            if solver.display(found) == .int {
                error("type 'Int' cannot be used as a boolean; test for '!= 0' instead", location)
            } else {
                error("cannot convert value of type '\(f)' to expected condition type 'Bool'", location)
            }
        }
    }

    // MARK: - Type annotations

    /// The type an annotation names. `generics` maps generic parameter names (a row's
    /// `Element`, `T`) to types; `strict` reports unknown names (user annotations) instead of
    /// reading them as `unknown` (loosely typed host rows).
    func type(of ref: TypeRef, generics: [String: ScriptType] = [:], strict: Bool = false, at location: SourceLocation? = nil) -> ScriptType {
        switch ref {
        case .named(let n):
            if let g = generics[n] ?? genericScope[n] { return g }
            switch n {
            case "Int": return .int
            // Fixed-width integers of library rows (`[Int32]` indices, `UInt64` seeds) are Ints in scripts.
            case _ where Registry.fixedWidthIntegerNames.contains(n): return .int
            case "Double", "CGFloat": return .double
            case "Float": return .float
            case "Bool": return .bool
            case "String", "Substring": return .string
            case "Character": return .character
            case "Void": return .void
            case "Range": return .range(.int, closed: false)
            case "ClosedRange": return .range(.int, closed: true)
            // A bare collection name takes its element types from the value (`let s: Set = [1, 2]`).
            case "Array": return .array(solver.fresh())
            case "Dictionary": return .dictionary(solver.fresh(), solver.fresh())
            case "Set": return .set(solver.fresh())
            case "Any", "AnyObject", "Function", "Tuple", "Optional", "Error", "Equatable", "Hashable", "Comparable",
                 "CustomStringConvertible", "CaseIterable", "Codable", "Sendable", "Numeric", "Sequence", "Collection":
                return .unknown
            default:
                if let alias = registry.typeAliases[n] { return type(of: alias, generics: generics, strict: strict, at: location) }
                if registry.types[n] != nil { return .native(n) }
                if strict, let location { error("cannot find type '\(n)' in scope", location) }
                return .unknown
            }
        case .array(let e): return .array(type(of: e, generics: generics, strict: strict, at: location))
        case .dictionary(let k, let v):
            return .dictionary(type(of: k, generics: generics, strict: strict, at: location),
                               type(of: v, generics: generics, strict: strict, at: location))
        case .optional(let w): return .optional(type(of: w, generics: generics, strict: strict, at: location))
        case .tuple(let items, let labels):
            if items.isEmpty { return .void }
            return .tuple(items.map { type(of: $0, generics: generics, strict: strict, at: location) }, labels: labels)
        case .generic(let n, let args):
            let types = args.map { type(of: $0, generics: generics, strict: strict, at: location) }
            switch (n, types.count) {
            case ("Set", 1): return .set(types[0])
            case ("Array", 1): return .array(types[0])
            case ("Dictionary", 2): return .dictionary(types[0], types[1])
            case ("Optional", 1): return .optional(types[0])
            case ("Range", 1): return .range(types[0], closed: false)
            case ("ClosedRange", 1): return .range(types[0], closed: true)
            default:
                if registry.types[n] != nil { return .native(n) }
                if strict, let location { error("cannot find type '\(n)' in scope", location) }
                return .unknown
            }
        case .function(let ps, let r):
            let params = ps.count == 1 && ps[0] == .tuple([], labels: []) ? [] : ps
            return .function(FunctionType(parameters: params.map { type(of: $0, generics: generics, strict: strict, at: location) },
                                          result: type(of: r, generics: generics, strict: strict, at: location), throwing: false))
        }
    }

    // MARK: - Locations

    /// Where swiftc anchors a message about an expression: its start, or the operator of a
    /// binary expression.
    func startLocation(_ e: Expr) -> SourceLocation {
        switch e {
        case .binary: return e.location
        case .ternary(let l, _, _, _): return startLocation(l)
        case .call(let c, _, _), .member(let c, _, _), .tupleIndex(let c, _, _), .subscriptAccess(let c, _, _),
             .forceUnwrap(let c, _), .bindOptional(let c, _), .optionalChain(let c, _), .cast(let c, _, _),
             .conditionalCast(let c, _, _, _), .typeCheck(let c, _, _):
            return startLocation(c)
        default: return e.location
        }
    }
}
