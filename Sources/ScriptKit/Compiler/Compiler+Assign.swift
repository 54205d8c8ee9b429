/// Assignment targets (lvalues) and assignment statements.
extension Compiler {
    /// In-place access to a storage location: `body` gets the value `inout`.
    typealias Modify = (Frame, (inout Value) throws -> Void) throws -> Void

    /// The root variable of an lvalue expression (for `let` checks).
    func rootName(_ e: Expr) -> (String, SourceLocation)? {
        switch e {
        case .name(let n, let l): return (n, l)
        case .subscriptAccess(let b, _, _), .member(let b, _, _), .tupleIndex(let b, _, _),
             .bindOptional(let b, _), .forceUnwrap(let b, _):
            return rootName(b)
        default: return nil
        }
    }

    /// Compiles an assignable expression; nil (with no error recorded) when `e` is not one.
    func lvalue(_ e: Expr) -> Modify? {
        let rt = runtime
        if let slot = staticVariable(e) { return { _, body in try body(&slot.staticValue) } }
        switch e {
        case .name(let n, _):
            guard let b = resolver.lookup(n) else { return nil }
            switch b.ref {
            case .slot(let i): return { f, body in try body(&f.slots[i]) }
            case .cell(let i): return { f, body in try body(&f.cells[i].value) }
            case .capture(let i): return { f, body in try body(&f.captures[i].value) }
            case .global(let cell): return { _, body in try body(&cell.value) }
            }
        case .subscriptAccess(let base, let args, let l):
            guard let baseModify = lvalue(base) else { return nil }
            // `d[k, default: []]` with `d: [K: Set<Int>]`: the default takes the value type.
            let valueType = Compiler.dictionaryValueType(declaredType(base))
            // `EvalCode`: a closure taken out of an array is called through a reabstraction thunk.
            let keyCodes = args.map { EvalCode(run: expr($0.value, expected: $0.label == "default" ? valueType : nil)) }
            let labels = args.map(\.label)
            if keyCodes.count == 1 {
                let k = keyCodes[0].run
                let plain = labels[0] == nil
                return { f, body in
                    let key = try k(f)
                    try baseModify(f) { b in
                        // `xs[i]`: in place, without building a key array.
                        if plain, case .int(let i) = key, var a = b.takeArray() {
                            defer { b = .array(a) }
                            guard i >= 0 && i < a.count else { throw Runtime.indexError(i, a.count, l) }
                            try body(&a[i])
                            return
                        }
                        try rt.modifyElement(&b, [key], labels: labels, at: l, body)
                    }
                }
            }
            return { f, body in
                let keys = try keyCodes.map { try $0.run(f) }
                try baseModify(f) { b in try rt.modifyElement(&b, keys, labels: labels, at: l, body) }
            }
        case .member(let base, let name, let l):
            guard let baseModify = lvalue(base) else { return nil }
            let cache = FieldCache()
            return { f, body in
                try baseModify(f) { b in
                    // Only the type is kept: a reference to the box across `modifyField`
                    // would make every struct mutation copy it.
                    if let t = b.scriptObject?.type, let i = cache.index(of: name, in: t) {
                        try rt.modifyField(&b, index: i, body)
                        return
                    }
                    try rt.modifyMember(&b, name: name, index: nil, at: l, body)
                }
            }
        case .tupleIndex(let base, let index, let l):
            guard let baseModify = lvalue(base) else { return nil }
            return { f, body in try baseModify(f) { b in try rt.modifyMember(&b, name: nil, index: index, at: l, body) } }
        case .bindOptional(let base, _):
            // `d[k]?.append(x)`: mutates the wrapped value; nil ends the optional chain.
            guard let baseModify = lvalue(base) else { return nil }
            return { f, body in
                try baseModify(f) { b in
                    guard case .optional(let w) = b else { try body(&b); return }
                    guard var inner = w else { throw OptionalChainNil() }
                    b = .void
                    defer { b = .optional(inner) }
                    try body(&inner)
                }
            }
        case .forceUnwrap(let base, let l):
            guard let baseModify = lvalue(base) else { return nil }
            return { f, body in
                try baseModify(f) { b in
                    guard case .optional(let w) = b else { try body(&b); return }
                    guard var inner = w else {
                        throw LocatedError(message: "unexpectedly found nil while unwrapping an Optional value", location: l)
                    }
                    b = .void
                    defer { b = .optional(inner) }
                    try body(&inner)
                }
            }
        default:
            return nil
        }
    }

    /// `Type.name` where `name` is a static `var` of a declared type (and `Type` is not a
    /// variable): where its value lives.
    func staticVariable(_ e: Expr) -> MemberSlot? {
        guard case .member(.name(let typeName, _), let name, _) = e, resolver.lookup(typeName) == nil else { return nil }
        return registry.types[typeName]?.staticVariables[name]
    }

    /// What swiftc says it cannot do to `target` when its root is a `let`.
    static func assignmentKind(_ target: Expr) -> String {
        if case .subscriptAccess = target { return "assign through subscript" }
        return "assign to property"
    }

    /// Checks that the root of an assignment target is a `var`.
    func checkMutable(_ target: Expr, _ location: SourceLocation, what: String) -> Bool {
        if staticVariable(target) != nil { return true }
        if case .member(.name(let typeName, _), let name, _) = target, resolver.lookup(typeName) == nil,
           registry.types[typeName]?.staticProperties[name] != nil {
            error("cannot assign to property: '\(name)' is a 'let' constant", location)
            return false
        }
        guard let (name, l) = rootName(target) else { return true }
        guard let b = resolver.lookup(name) else {
            error("cannot find '\(name)' in scope", l)
            return false
        }
        if b.isConstant {
            if case .name = target {
                error("cannot assign to value: '\(name)' is a 'let' constant", location)
            } else {
                error("cannot \(what): '\(name)' is a 'let' constant", location)
            }
            return false
        }
        return true
    }

    func assignment(_ target: Expr, _ op: BinaryOperator?, _ value: Expr, _ location: SourceLocation) -> Exec {
        let rt = runtime
        if case .name("_", _) = target, op == nil {
            let code = expr(value)
            return { f in _ = try code(f); return .normal }
        }
        if case .tuple(let items, _) = target, op == nil { return tupleAssignment(items, value, location) }
        guard assignmentsThroughClass.contains(location) || checkMutable(target, location, what: Compiler.assignmentKind(target)) else {
            return { _ in .normal }
        }
        guard let modify = lvalue(target) else {
            error("cannot assign to this expression", location)
            return { _ in .normal }
        }
        guard let binop = op else {
            var declaredType: TypeRef? = nil
            if case .name(let n, _) = target { declaredType = resolver.lookup(n)?.type }
            let code = expr(value, expected: declaredType)
            if case .name(let n, _) = target, let b = resolver.lookup(n) {
                let a = assign(b.ref)
                if let type = b.type {
                    return { f in a(f, try rt.coerce(try code(f), to: type, what: "'\(n)'", at: location)); return .normal }
                }
                return { f in a(f, try code(f)); return .normal }
            }
            // `self.x = v`, `p.x = v` on a local: the field is set where the instance lies.
            if case .member(let base, let name, _) = target, let s = slotIndex(base) {
                let cache = FieldCache()
                return { f in
                    let v = try code(f)
                    if try rt.modifyStoredField(f.slots + s, cache, name, { $0 = v }) { return .normal }
                    try modify(f) { $0 = v }
                    return .normal
                }
            }
            return { f in
                let v = try code(f)
                try modify(f) { $0 = v }
                return .normal
            }
        }
        let rightLiteral = Compiler.isNumberLiteral(value)
        let code = expr(value)
        let arithmetic = ArithmeticOperator(binop)
        if case .name(let n, _) = target, case .slot(let i)? = resolver.lookup(n)?.ref {
            return { f in
                let r = try code(f)
                if case .int(let x) = f.slots[i], case .int(let y) = r {
                    f.slots[i] = try rt.intBinary(binop, x, y, location)
                } else if let arithmetic, case .double(let x) = f.slots[i], case .double(let y) = r {
                    (f.slots + i).initialize(to: .double(arithmetic.apply(x, y)))   // over a Double: nothing to destroy
                } else {
                    try Compiler.compound(rt, binop, &f.slots[i], r, rightLiteral, location)
                }
                return .normal
            }
        }
        // `+=`, `-=`, `*=`, `/=` on a global (top-level `var`s of a notebook): Ints and
        // Doubles without the general dispatch.
        if case .name(let n, _) = target, case .global(let cell)? = resolver.lookup(n)?.ref, let arithmetic {
            return { f in
                let r = try code(f)
                if case .int(let x) = cell.value, case .int(let y) = r, let result = arithmetic.apply(x, y) {
                    if result.overflow { throw Runtime.overflow(binop, x, y, location) }
                    cell.value = .int(result.partialValue)
                } else if case .double(let x) = cell.value, case .double(let y) = r {
                    cell.value = .double(arithmetic.apply(x, y))
                } else {
                    try Compiler.compound(rt, binop, &cell.value, r, rightLiteral, location)
                }
                return .normal
            }
        }
        // `p.x += v * dt`: Double and Int arithmetic in place without the general dispatch.
        if let arithmetic {
            let update = { (v: inout Value, r: Value) throws in
                if case .double(let x) = v, case .double(let y) = r {
                    v = .double(arithmetic.apply(x, y))
                    return
                }
                if case .int(let x) = v, case .int(let y) = r, let result = arithmetic.apply(x, y) {
                    if result.overflow { throw Runtime.overflow(binop, x, y, location) }
                    v = .int(result.partialValue)
                    return
                }
                try Compiler.compound(rt, binop, &v, r, rightLiteral, location)
            }
            // `self.x += d` in a method, `p.x += d` on a local: where the instance lies.
            if case .member(let base, let name, _) = target, let s = slotIndex(base) {
                let cache = FieldCache()
                return { f in
                    let r = try code(f)
                    if try rt.modifyStoredField(f.slots + s, cache, name, { v in try update(&v, r) }) { return .normal }
                    try modify(f) { v in try update(&v, r) }
                    return .normal
                }
            }
            return { f in
                let r = try code(f)
                try modify(f) { v in try update(&v, r) }
                return .normal
            }
        }
        return { f in
            let r = try code(f)
            try modify(f) { v in try Compiler.compound(rt, binop, &v, r, rightLiteral, location) }
            return .normal
        }
    }

    /// `v op= r`, appending in place for strings and arrays.
    static func compound(_ rt: Runtime, _ op: BinaryOperator, _ v: inout Value, _ r: Value, _ rightLiteral: Bool,
                         _ location: SourceLocation) throws {
        // Move the storage out of `v` before appending, so it is uniquely referenced and grows
        // in place (`s += "x"` in a loop stays linear).
        // (No `switch (v, r)`: the tuple would hold a second reference to the storage.)
        if op == .add {
            if case .string(let t) = r, var s = v.takeString() {
                s += t
                v = .string(s)
                return
            }
            if case .array(let b) = r, var a = v.takeArray() {
                a += b
                v = .array(a)
                return
            }
        }
        v = try rt.binary(op, v, r, leftLiteral: false, rightLiteral: rightLiteral, at: location)
    }
}
