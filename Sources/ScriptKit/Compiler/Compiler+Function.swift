/// Function declarations and closure literals.
extension Compiler {
    /// Compiles `decl` once; the returned code makes a closure value capturing the current frame.
    func closure(_ decl: FunctionDecl) -> Eval {
        resolver.pushFunction(boxesLocals: decl.hasNestedFunctions)
        functionDepth += 1
        let savedTargets = targets
        targets = []
        returnTypes.append(decl.returnType)
        var targetsOut: [LocalTarget] = []
        var variadic: Int? = nil
        for (i, p) in decl.parameters.enumerated() {
            // `{ _, _ in ... }`: an unnamed parameter gets a slot and no name.
            let ref: VarRef = p.name == "_" ? .slot(resolver.temporary()) : declare(p.name, constant: !p.isInout, p.location)
            switch ref {
            case .slot(let s): targetsOut.append(.slot(s))
            case .cell(let c): targetsOut.append(.cell(c))
            default: targetsOut.append(.slot(resolver.temporary()))
            }
            if p.isVariadic { variadic = i }
        }
        let proto = FunctionPrototype(
            name: decl.name, labels: decl.parameters.map(\.label), parameterNames: decl.parameters.map(\.name),
            parameterTypes: decl.parameters.map { p in p.isVariadic ? p.type.map { .array($0) } : p.type },
            targets: targetsOut, variadicIndex: variadic, location: decl.location)
        proto.inoutIndices = decl.parameters.indices.filter { decl.parameters[$0].isInout }
        proto.defaults = decl.parameters.map { p in p.defaultValue.map { expr($0, expected: p.type) } }
        proto.returnType = decl.returnType.flatMap { t -> TypeRef? in
            if case .named("Void") = t { return nil }
            if case .tuple(let items, _) = t, items.isEmpty { return nil }
            return t
        }
        var body = decl.body
        // A body that is a single expression returns its value (closures, and funcs since Swift 5.9).
        if body.count == 1, case .expr(let e) = body[0] {
            body = [.returnStmt(e, e.location)]
        }
        if Compiler.isValueChain(body) {
            resolver.pushBlock()
            let value = valueChain(body)
            resolver.popBlock()
            proto.valueBody = EvalCode(run: value)
            proto.body = { f in .returned(try value(f)) }
        } else {
            proto.body = block(body, newScope: true)
        }
        returnTypes.removeLast()
        targets = savedTargets
        functionDepth -= 1
        let scope = resolver.popFunction()
        proto.slotCount = scope.slotCount
        proto.cellCount = scope.cellCount
        let sources = scope.captureSources
        let count = sources.count
        if count == 0 {
            return { _ in
                let captures = UnsafeMutablePointer<Cell>.allocate(capacity: 0)
                return .function(Function(script: ScriptFunction(prototype: proto, captures: captures, captureCount: 0)))
            }
        }
        return { f in
            let captures = UnsafeMutablePointer<Cell>.allocate(capacity: count)
            for (k, s) in sources.enumerated() {
                switch s {
                case .cell(let i): (captures + k).initialize(to: f.cells[i])
                case .capture(let i): (captures + k).initialize(to: f.captures[i])
                case .slot, .global: (captures + k).initialize(to: Cell(.void))
                }
            }
            return .function(Function(script: ScriptFunction(prototype: proto, captures: captures, captureCount: count)))
        }
    }
}
