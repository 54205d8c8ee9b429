/// Where a name lives once resolved: never looked up by name while the code runs.
enum VarRef {
    /// A plain local in the frame's `slots`.
    case slot(Int)
    /// A local that closures capture, in the frame's `cells`.
    case cell(Int)
    /// A variable of an enclosing function, captured by this closure.
    case capture(Int)
    /// A global of the session.
    case global(Cell)
}

/// A global variable of an interpreter session.
final class GlobalVariable {
    let cell: Cell
    var isConstant: Bool
    /// The declared type (`var x: Int? = ...`), applied to later assignments.
    var type: TypeRef?
    init(cell: Cell, isConstant: Bool, type: TypeRef? = nil) {
        self.cell = cell
        self.isConstant = isConstant
        self.type = type
    }
}

/// The names visible in one function (or the top level of a chunk) while it compiles.
final class Scope {
    struct Binding {
        var ref: VarRef
        var isConstant: Bool
        var type: TypeRef? = nil
    }

    let parent: Scope?
    /// Locals of functions that contain closures live in cells, so closures can share them.
    let boxesLocals: Bool
    let isTopLevel: Bool
    var blocks: [[String: Binding]] = [[:]]
    var slotCount = 0
    var cellCount = 0
    /// For each capture: where it comes from in the enclosing function's frame.
    var captureSources: [VarRef] = []
    var captureIndex: [String: Int] = [:]
    var captureConstant: [Bool] = []
    var captureTypes: [TypeRef?] = []

    init(parent: Scope?, boxesLocals: Bool, isTopLevel: Bool) {
        self.parent = parent
        self.boxesLocals = boxesLocals
        self.isTopLevel = isTopLevel
    }
}

/// Binds names to slots: block scopes inside functions, captures across closures, and the
/// session's globals. Reports unknown names and redeclarations as located errors.
final class Resolver {
    var scope: Scope
    /// Globals defined by earlier chunks.
    let globals: [String: GlobalVariable]
    /// Globals this chunk declares (committed by the interpreter when the chunk runs).
    private(set) var newGlobals: [(String, GlobalVariable)] = []
    private var newGlobalIndex: [String: GlobalVariable] = [:]

    /// Names that closures and functions of the chunk use: a top-level local of such a name
    /// lives in a cell (a closure may capture it), any other in a plain slot.
    private let capturedNames: Set<String>

    /// `capturedNames`: the names used inside the chunk's closures and function bodies
    /// (`Parser.parse`).
    init(globals: [String: GlobalVariable], capturedNames: Set<String>) {
        self.globals = globals
        self.capturedNames = capturedNames
        self.scope = Scope(parent: nil, boxesLocals: false, isTopLevel: true)
    }

    func pushBlock() { scope.blocks.append([:]) }
    func popBlock() { scope.blocks.removeLast() }

    func pushFunction(boxesLocals: Bool) {
        scope = Scope(parent: scope, boxesLocals: boxesLocals, isTopLevel: false)
    }

    func popFunction() -> Scope {
        let s = scope
        if let p = s.parent { scope = p }
        return s
    }

    /// True when a declaration here would create a global.
    var declaresGlobals: Bool { scope.isTopLevel && scope.blocks.count == 1 }

    /// Declares `name` in the innermost block.
    func declare(_ name: String, isConstant: Bool, type: TypeRef? = nil, at location: SourceLocation) throws -> VarRef {
        if declaresGlobals {
            if newGlobalIndex[name] != nil {
                throw LocatedError(message: "invalid redeclaration of '\(name)'", location: location)
            }
            let global: GlobalVariable
            if let existing = globals[name] {
                global = GlobalVariable(cell: existing.cell, isConstant: isConstant, type: type)
            } else {
                global = GlobalVariable(cell: Cell(.void), isConstant: isConstant, type: type)
            }
            newGlobals.append((name, global))
            newGlobalIndex[name] = global
            return .global(global.cell)
        }
        if scope.blocks[scope.blocks.count - 1][name] != nil {
            throw LocatedError(message: "invalid redeclaration of '\(name)'", location: location)
        }
        let ref: VarRef
        if scope.boxesLocals || (scope.isTopLevel && capturedNames.contains(name)) {
            ref = .cell(scope.cellCount)
            scope.cellCount += 1
        } else {
            ref = .slot(scope.slotCount)
            scope.slotCount += 1
        }
        scope.blocks[scope.blocks.count - 1][name] = Scope.Binding(ref: ref, isConstant: isConstant, type: type)
        return ref
    }

    /// A fresh anonymous slot in the current function (for loop counters and temporaries).
    func temporary() -> Int {
        scope.slotCount += 1
        return scope.slotCount - 1
    }

    /// Resolves `name`, capturing it from enclosing functions when needed.
    func lookup(_ name: String) -> Scope.Binding? {
        if let b = lookup(name, in: scope) { return b }
        if let g = newGlobalIndex[name] ?? globals[name] {
            return Scope.Binding(ref: .global(g.cell), isConstant: g.isConstant, type: g.type)
        }
        return nil
    }

    private func lookup(_ name: String, in scope: Scope) -> Scope.Binding? {
        for block in scope.blocks.reversed() {
            if let b = block[name] { return b }
        }
        if let i = scope.captureIndex[name] {
            return Scope.Binding(ref: .capture(i), isConstant: scope.captureConstant[i], type: scope.captureTypes[i])
        }
        guard let parent = scope.parent, let outer = lookup(name, in: parent) else { return nil }
        switch outer.ref {
        case .global:
            return outer
        case .slot:
            // The enclosing function keeps its locals in slots only when it has no closures,
            // so this cannot happen; refuse rather than capture a dangling slot.
            return nil
        case .cell, .capture:
            let index = scope.captureSources.count
            scope.captureSources.append(outer.ref)
            scope.captureIndex[name] = index
            scope.captureConstant.append(outer.isConstant)
            scope.captureTypes.append(outer.type)
            return Scope.Binding(ref: .capture(index), isConstant: outer.isConstant, type: outer.type)
        }
    }
}
