/// `for`-`in` and `switch`.
extension Compiler {
    /// A `for`-`in` loop's parts, compiled in the loop's own block: how to bind each element
    /// (and the slot of a plain name, set directly), the `where` test and its location, the body.
    private func loopParts(_ pattern: BindingPattern, _ whereClause: Expr?, _ body: [Stmt], _ location: SourceLocation)
        -> (binder: (Frame, Value) throws -> Void, slot: Int?, test: EvalCode?, whereLocation: SourceLocation, body: Exec) {
        resolver.pushBlock()
        defer { resolver.popBlock() }
        let binder = bind(pattern, constant: true, location)
        var slot: Int? = nil
        if case .name(let n, _) = pattern, case .slot(let i)? = resolver.lookup(n)?.ref { slot = i }
        // `EvalCode?`, not `Eval?`: a closure taken out of an optional is called through a thunk.
        let test = whereClause.map { EvalCode(run: expr($0)) }
        return (binder, slot, test, whereClause?.location ?? location, block(body))
    }

    func forIn(_ label: String?, _ pattern: BindingPattern, _ sequence: Expr, _ whereClause: Expr?,
               _ body: [Stmt], _ location: SourceLocation) -> Exec {
        let rt = runtime
        let id = pushTarget(label, isLoop: true)
        defer { targets.removeLast() }
        // Counting loop over a literal range: no range value, no array.
        if case .binary(let op, let lo, let hi, let rl) = sequence, op == .halfOpenRange || op == .closedRange {
            let loCode = expr(lo), hiCode = expr(hi)
            let (binder, slot, test, wl, bodyCode) = loopParts(pattern, whereClause, body, location)
            let closed = op == .closedRange
            return { f in
                guard case .int(let a) = try loCode(f), case .int(let b) = try hiCode(f) else {
                    // Doubles or Strings make a range, but not one a loop can count through.
                    let range = try rt.makeRange(try loCode(f), try hiCode(f), closed: closed, at: rl)
                    throw LocatedError(message: "for-in loop requires '\(range.typeName)' to conform to 'Sequence'", location: location)
                }
                if a > b { _ = try rt.makeRange(.int(a), .int(b), closed: closed, at: rl) }
                if closed && b == Int.max {
                    throw LocatedError(message: "range upper bound Int.max cannot be included", location: rl)
                }
                let end = closed ? b + 1 : b
                var k = a
                while k < end {
                    if let slot { f.slots[slot] = .int(k) } else { try binder(f, .int(k)) }
                    k += 1
                    if let test, !(try rt.truth(try test.run(f), at: wl)) { continue }
                    if let exit = Flow.afterLoopBody(try bodyCode(f), loop: id) { return exit }
                    if rt.interruptFlag.pointee != 0 { try rt.checkInterrupt(location) }
                }
                return .normal
            }
        }
        let seqCode = expr(sequence)
        let sl = sequence.location
        let (binder, slot, test, wl, bodyCode) = loopParts(pattern, whereClause, body, location)
        return { f in
            let seq = try seqCode(f)
            let items: [Value]
            switch seq {
            case .array(let a): items = a
            case .range(let lower, let upper, let closed):
                // A range value (`for i in r`): counted, never made into an array.
                if closed && upper == Int.max {
                    throw LocatedError(message: "range upper bound Int.max cannot be included", location: sl)
                }
                var k = lower
                let end = closed ? upper + 1 : upper
                while k < end {
                    let item = Value.int(k)
                    k += 1
                    if let slot { f.slots[slot] = item } else { try binder(f, item) }
                    if let test, !(try rt.truth(try test.run(f), at: wl)) { continue }
                    if let exit = Flow.afterLoopBody(try bodyCode(f), loop: id) { return exit }
                    if rt.interruptFlag.pointee != 0 { try rt.checkInterrupt(location) }
                }
                return .normal
            case .string, .dictionary, .set: items = try rt.materialize(seq, at: sl)
            case .partialRange(let lower?, nil, _):
                return try Compiler.forInPartialRange(lower, sl) { item in
                    if let slot { f.slots[slot] = item } else { try binder(f, item) }
                    if let test, !(try rt.truth(try test.run(f), at: wl)) { return nil }
                    if let exit = Flow.afterLoopBody(try bodyCode(f), loop: id) { return exit }
                    if rt.interruptFlag.pointee != 0 { try rt.checkInterrupt(location) }
                    return Flow?.none
                }
            default:
                throw LocatedError(message: "for-in loop requires '\(seq.typeName)' to conform to 'Sequence'", location: sl)
            }
            for item in items {
                if let slot { f.slots[slot] = item } else { try binder(f, item) }
                if let test, !(try rt.truth(try test.run(f), at: wl)) { continue }
                if let exit = Flow.afterLoopBody(try bodyCode(f), loop: id) { return exit }
                if rt.interruptFlag.pointee != 0 { try rt.checkInterrupt(location) }
            }
            return .normal
        }
    }

    typealias Matcher = (Frame, Value) throws -> Bool

    /// A pattern's code kept in an array (see `ExecCode`).
    struct MatcherCode {
        let run: Matcher
    }

    /// One compiled `case` of a `switch`: a struct, so that its closures keep their natural
    /// calling convention (in a tuple held in an array they are called through thunks).
    struct CompiledCase {
        let matchers: [MatcherCode]
        let guardCode: EvalCode?
        let guardLocation: SourceLocation
        let body: Exec
    }

    func switchStatement(_ label: String?, _ subject: Expr, _ cases: [SwitchCase], _ location: SourceLocation) -> Exec {
        let subjectCode = expr(subject)
        let id = pushTarget(label, isLoop: false)
        defer { targets.removeLast() }
        var compiled: [CompiledCase] = []
        var exhaustive = false
        var bools = Set<Bool>()
        for c in cases {
            resolver.pushBlock()
            var matchers: [MatcherCode] = []
            var declared: [String: VarRef] = [:]
            for p in c.patterns {
                matchers.append(MatcherCode(run: pattern(p, &declared)))
                if Compiler.catchesAll(p) && c.guardExpr == nil { exhaustive = true }
                if case .value(.bool(let b, _)) = p, c.guardExpr == nil { bools.insert(b) }
            }
            if c.patterns.isEmpty { exhaustive = true }
            let guardCode = c.guardExpr.map { EvalCode(run: expr($0)) }
            let body = block(c.body)
            resolver.popBlock()
            compiled.append(CompiledCase(matchers: matchers, guardCode: guardCode,
                                         guardLocation: c.guardExpr?.location ?? c.location, body: body))
        }
        if cases.contains(where: { $0.patterns.contains(where: Compiler.namesEnumCase) }) { exhaustive = true }
        if !exhaustive && bools.count < 2 {
            error("switch must be exhaustive; add a 'default:' case", location)
        }
        let rt = runtime
        return { f in
            let v = try subjectCode(f)
            var falling = false
            for c in compiled {
                var hit = falling
                if !hit {
                    if c.matchers.isEmpty { hit = true }
                    for m in c.matchers where try m.run(f, v) { hit = true; break }
                    if hit, let g = c.guardCode { hit = try rt.truth(try g.run(f), at: c.guardLocation) }
                }
                guard hit else { continue }
                switch try c.body(f) {
                case .fallthroughCase: falling = true; continue
                case .normal: return .normal
                case .breakOut(let t) where t == id: return .normal
                case let other: return other
                }
            }
            return .normal
        }
    }

    static func catchesAll(_ p: CasePattern) -> Bool {
        switch p {
        case .wildcard, .binding: return true
        case .tuple(let items, _): return items.allSatisfy(catchesAll)
        case .value, .enumCase, .cast: return false
        }
    }

    /// Whether a pattern names an enum case (the checker proves such switches exhaustive).
    static func namesEnumCase(_ p: CasePattern) -> Bool {
        switch p {
        case .enumCase: return true
        case .value(.member(.name(let t, _), _, _)): return t.first?.isUppercase == true
        case .value(.implicitMember): return true
        case .tuple(let items, _): return items.contains(where: namesEnumCase)
        default: return false
        }
    }

    func pattern(_ p: CasePattern, _ declared: inout [String: VarRef]) -> Matcher {
        let rt = runtime
        switch p {
        case .wildcard:
            return { _, _ in true }
        case .binding(let name, let l):
            let ref = declared[name] ?? declare(name, constant: true, l)
            declared[name] = ref
            let st = store(ref)
            return { f, v in st(f, v); return true }
        case .cast(let inner, let type, _):
            let m = inner.map { pattern($0, &declared) }
            return { f, v in
                guard let cast = Compiler.dynamicCast(v.unwrapped ?? v, to: type) else { return false }
                return try m?(f, cast) ?? true
            }
        case .tuple(let items, let l):
            let ms = items.map { pattern($0, &declared) }
            let count = ms.count
            return { f, v in
                guard case .tuple(let values, _) = v else {
                    throw LocatedError(message: "tuple pattern cannot match values of type '\(v.typeName)'", location: l)
                }
                guard values.count == count else { return false }
                for (m, x) in zip(ms, values) where !(try m(f, x)) { return false }
                return true
            }
        case .enumCase(let typeName, let name, let items, let l):
            let subs = items?.map { pattern($0, &declared) }
            return { f, v in
                if case .optional(let w) = v, name == "none" || name == "some" {
                    guard name == "some", let w else { return name == "none" && w == nil }
                    guard let subs, subs.count == 1 else { return true }
                    return try subs[0](f, w)
                }
                // A value stored unwrapped where the checker saw an optional (a tuple element
                // of `[(Int, String?)]`, say) is present: `.some` matches it, `.none` does not.
                if name == "some" || name == "none", typeName == nil, v.scriptObject?.type.kind != .enumeration {
                    guard name == "some" else { return false }
                    guard let subs, subs.count == 1 else { return true }
                    return try subs[0](f, v)
                }
                guard let o = v.scriptObject, o.type.kind == .enumeration else {
                    throw LocatedError(message: "enum case pattern cannot match values of type '\(v.typeName)'", location: l)
                }
                if let typeName, o.type.name != typeName { return false }
                guard o.caseName == name else { return false }
                guard let subs else { return true }
                if subs.count == 1 && o.fields.count > 1 {
                    let labels = o.type.cases[o.caseIndex].labels
                    return try subs[0](f, .tuple(o.fields, labels: labels.contains { $0 != nil } ? labels : []))
                }
                guard subs.count == o.fields.count else { return false }
                for (m, x) in zip(subs, o.fields) where !(try m(f, x)) { return false }
                return true
            }
        case .value(let e):
            if case .binary(let op, let lo, let hi, let l) = e, op == .halfOpenRange || op == .closedRange {
                let a = expr(lo), b = expr(hi)
                let closed = op == .closedRange
                return { f, v in
                    let x = try a(f), y = try b(f)
                    guard let c1 = Runtime.compare(x, v), let c2 = Runtime.compare(v, y) else {
                        throw LocatedError(message: "expression pattern of type '\(x.typeName)' cannot match values of type '\(v.typeName)'", location: l)
                    }
                    return c1 <= 0 && (closed ? c2 <= 0 : c2 < 0)
                }
            }
            let code = expr(e)
            let l = e.location
            return { f, v in
                let x = try code(f)
                if case .range(let lo, let hi, let closed) = x, case .int(let i) = v {
                    return i >= lo && (closed ? i <= hi : i < hi)
                }
                if case .partialRange = x {
                    guard let inside = Runtime.partialRangeContains(x, v) else {
                        throw LocatedError(message: "expression pattern of type '\(x.typeName)' cannot match values of type '\(v.typeName)'", location: l)
                    }
                    return inside
                }
                if x.bindingTypeName != v.bindingTypeName && !(x.isNumber && v.isNumber) && !v.isOptional && !x.isOptional
                    && !Value.isCharacterAndText(x, v) {
                    throw LocatedError(message: "expression pattern of type '\(x.typeName)' cannot match values of type '\(v.typeName)'", location: l)
                }
                _ = rt
                return x == v
            }
        }
    }
}

extension Value {
    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }
}
