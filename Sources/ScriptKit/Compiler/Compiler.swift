/// Compiles resolved syntax into nested Swift closures, once per chunk. Names become slot
/// indices (through the `Resolver`); errors found while compiling (unknown names, bad
/// assignments) are collected so that `check` reports all of them.
final class Compiler {
    struct Target {
        var label: String?
        var id: Int
        var isLoop: Bool
    }

    let runtime: Runtime
    let registry: Registry
    let resolver: Resolver
    var errors: [LocatedError] = []
    /// Assignments (by location) that reach their storage through a class instance: a `let`
    /// root does not prevent them (found by the type checker).
    var assignmentsThroughClass: Set<SourceLocation> = []
    var targets: [Target] = []
    var nextTargetID = 1
    var functionDepth = 0
    /// Declared return types of the functions being compiled (innermost last).
    var returnTypes: [TypeRef?] = []
    var currentReturnType: TypeRef? { returnTypes.last ?? nil }

    init(runtime: Runtime, resolver: Resolver) {
        self.runtime = runtime
        self.registry = runtime.registry
        self.resolver = resolver
    }

    func error(_ message: String, _ location: SourceLocation) {
        errors.append(LocatedError(message: message, location: location))
    }

    /// Placeholder code for something that failed to compile (never runs: the chunk is rejected).
    func failed(_ message: String, _ location: SourceLocation) -> Eval {
        error(message, location)
        return { _ in throw LocatedError(message: message, location: location) }
    }

    // MARK: - Blocks

    /// Compiles statements in a new block scope; function declarations are hoisted so that
    /// they can call each other regardless of order.
    func block(_ statements: [Stmt], newScope: Bool = true) -> Exec {
        if newScope { resolver.pushBlock() }
        defer { if newScope { resolver.popBlock() } }
        // Function names are declared first so that functions can call each other regardless
        // of order. Bodies compile in source order (they see the names declared before them).
        // Global functions are created before the block runs; local ones where they are
        // declared, after the variables they capture exist.
        var refs: [ObjectIdentifier: VarRef] = [:]
        var prologue: [ExecCode] = []
        for s in statements {
            if case .function(let decl) = s {
                do {
                    let ref = try resolver.declare(decl.name, isConstant: true, at: decl.location)
                    refs[ObjectIdentifier(decl)] = ref
                    if case .cell(let i) = ref { prologue.append(ExecCode { f in f.cells[i] = Cell(.void); return .normal }) }
                } catch let e as LocatedError { errors.append(e) } catch {}
            }
        }
        var code: [ExecCode] = []
        var defers: [(at: Int, body: Exec)] = []
        for s in statements {
            if case .deferStmt(let body, let l) = s {
                defers.append((code.count, deferBody(body, l)))
                continue
            }
            if case .typeDecl(let d) = s {
                if resolver.declaresGlobals {
                    prologue.append(ExecCode(run: typeDeclaration(d)))
                } else {
                    error("type declarations are only allowed at the top level of a cell", d.location)
                }
                continue
            }
            guard case .function(let decl) = s else {
                code.append(ExecCode(run: statement(s)))
                continue
            }
            guard let ref = refs[ObjectIdentifier(decl)] else { continue }
            let make = closure(decl)
            switch ref {
            case .slot(let i): code.append(ExecCode { f in f.slots[i] = try make(f); return .normal })
            case .cell(let i): code.append(ExecCode { f in f.cells[i].value = try make(f); return .normal })
            case .global(let cell): prologue.append(ExecCode { f in cell.value = try make(f); return .normal })
            case .capture: break
            }
        }
        if !defers.isEmpty { return Compiler.withDefers(prologue, code, defers) }
        code = prologue + code
        return Compiler.sequence(code)
    }

    static func sequence(_ code: [ExecCode]) -> Exec {
        switch code.count {
        case 0: return { _ in .normal }
        case 1: return code[0].run
        case 2:
            let a = code[0].run, b = code[1].run
            return { f in
                let r = try a(f)
                if case .normal = r { return try b(f) }
                return r
            }
        case 3:
            let a = code[0].run, b = code[1].run, c = code[2].run
            return { f in
                var r = try a(f)
                guard case .normal = r else { return r }
                r = try b(f)
                guard case .normal = r else { return r }
                return try c(f)
            }
        default:
            return { f in
                for s in code {
                    let r = try s.run(f)
                    if case .normal = r { continue }
                    return r
                }
                return .normal
            }
        }
    }

    // MARK: - Variables

    /// Code that stores a value into a freshly declared variable.
    func store(_ ref: VarRef) -> (Frame, Value) -> Void {
        switch ref {
        case .slot(let i): return { f, v in f.slots[i] = v }
        case .cell(let i):
            // A fresh cell per declaration (a loop variable captured by a closure keeps its
            // own); the old one is reused when nothing else holds it.
            return { f, v in
                if isKnownUniquelyReferenced(&f.cells[i]) { f.cells[i].value = v } else { f.cells[i] = Cell(v) }
            }
        case .capture(let i): return { f, v in f.captures[i].value = v }
        case .global(let cell): return { _, v in cell.value = v }
        }
    }

    /// Code that assigns an existing variable.
    func assign(_ ref: VarRef) -> (Frame, Value) -> Void {
        switch ref {
        // Over an Int, no outlined destroy of the old value.
        case .slot(let i): return { f, v in if case .int = f.slots[i] { (f.slots + i).initialize(to: v) } else { f.slots[i] = v } }
        case .cell(let i): return { f, v in f.cells[i].value = v }
        case .capture(let i): return { f, v in f.captures[i].value = v }
        case .global(let cell): return { _, v in cell.value = v }
        }
    }

    func read(_ ref: VarRef) -> Eval {
        switch ref {
        // An Int is returned without the outlined (reference-counting) copy of a Value.
        case .slot(let i): return { f in if case .int(let x) = f.slots[i] { return .int(x) }; return f.slots[i] }
        case .cell(let i): return { f in if case .int(let x) = f.cells[i].value { return .int(x) }; return f.cells[i].value }
        case .capture(let i): return { f in if case .int(let x) = f.captures[i].value { return .int(x) }; return f.captures[i].value }
        case .global(let cell): return { _ in if case .int(let x) = cell.value { return .int(x) }; return cell.value }
        }
    }

    func declare(_ name: String, constant: Bool, _ location: SourceLocation, type: TypeRef? = nil) -> VarRef {
        do {
            return try resolver.declare(name, isConstant: constant, type: type, at: location)
        } catch let e as LocatedError {
            errors.append(e)
        } catch {}
        return .slot(resolver.temporary())
    }

    /// Declares the names of a binding pattern and returns code that destructures a value into them.
    func bind(_ pattern: BindingPattern, constant: Bool, _ location: SourceLocation, type: TypeRef? = nil) -> (Frame, Value) throws -> Void {
        switch pattern {
        case .wildcard:
            return { _, _ in }
        case .name(let n, let l):
            let s = store(declare(n, constant: constant, l, type: type))
            return { f, v in s(f, v) }
        case .tuple(let items):
            let parts = items.map { bind($0, constant: constant, location) }
            let count = parts.count
            return { f, v in
                guard case .tuple(let values, _) = v, values.count == count else {
                    throw LocatedError(message: "cannot destructure a value of type '\(v.typeName)' into \(count) names", location: location)
                }
                for (p, x) in zip(parts, values) { try p(f, x) }
            }
        }
    }
}
