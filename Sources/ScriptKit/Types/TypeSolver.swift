/// Inference variables and their solutions: unification with the literal rules of Swift (an
/// integer literal may become Int, Double or Float; a float literal Double or Float;
/// unsolved literals default to Int and Double at the end of each statement).
struct TypeSolver {
    /// What an inference variable may become.
    enum Kind {
        case any
        case integerLiteral
        case floatLiteral
    }

    private(set) var solutions: [Int: ScriptType] = [:]
    /// How many variables exist (ids are 0..<count).
    private(set) var count = 0
    private var literalKinds: [Int: Kind] = [:]

    /// A fresh variable.
    mutating func fresh(_ kind: Kind = .any) -> ScriptType {
        let id = count
        count += 1
        if kind != .any { literalKinds[id] = kind }
        return .variable(id)
    }

    /// `t` with every solved variable replaced by its solution.
    func resolve(_ t: ScriptType) -> ScriptType {
        switch t {
        case .variable(let id):
            if let s = solutions[id] { return resolve(s) }
            return t
        case .array(let e): return .array(resolve(e))
        case .set(let e): return .set(resolve(e))
        case .dictionary(let k, let v): return .dictionary(resolve(k), resolve(v))
        case .optional(let w): return .optional(resolve(w))
        case .tuple(let items, let labels): return .tuple(items.map(resolve), labels: labels)
        case .function(let f):
            return .function(FunctionType(parameters: f.parameters.map(resolve), result: resolve(f.result), throwing: f.throwing))
        case .range(let b, let c): return .range(resolve(b), closed: c)
        default: return t
        }
    }

    /// The literal kind of an unsolved variable.
    func kind(of id: Int) -> Kind { literalKinds[id] ?? .any }

    /// Makes `a` and `b` the same type; false (changing nothing visible) when they cannot be.
    mutating func unify(_ a: ScriptType, _ b: ScriptType) -> Bool {
        let saved = self
        if unifyInner(resolve(a), resolve(b)) { return true }
        self = saved
        return false
    }

    private mutating func unifyInner(_ a: ScriptType, _ b: ScriptType) -> Bool {
        switch (a, b) {
        case (.unknown, _), (_, .unknown):
            bindUnknown(a); bindUnknown(b)
            return true
        case (.variable(let x), .variable(let y)):
            if x == y { return true }
            let kx = kind(of: x), ky = kind(of: y)
            let merged: Kind = (kx == .floatLiteral || ky == .floatLiteral) ? .floatLiteral
                : (kx == .integerLiteral || ky == .integerLiteral) ? .integerLiteral : .any
            solutions[x] = b
            if merged != .any { literalKinds[y] = merged }
            return true
        case (.variable(let x), let t), (let t, .variable(let x)):
            if occurs(x, in: t) { return false }
            switch kind(of: x) {
            case .any: break
            case .integerLiteral: guard t == .int || t == .double || t == .float else { return false }
            case .floatLiteral: guard t == .double || t == .float else { return false }
            }
            solutions[x] = t
            return true
        case (.array(let x), .array(let y)), (.set(let x), .set(let y)), (.optional(let x), .optional(let y)):
            return unifyInner(resolve(x), resolve(y))
        case (.range(let x, let cx), .range(let y, let cy)):
            return cx == cy && unifyInner(resolve(x), resolve(y))
        case (.dictionary(let k1, let v1), .dictionary(let k2, let v2)):
            return unifyInner(resolve(k1), resolve(k2)) && unifyInner(resolve(v1), resolve(v2))
        case (.tuple(let xs, _), .tuple(let ys, _)):
            guard xs.count == ys.count else { return false }
            for (x, y) in zip(xs, ys) where !unifyInner(resolve(x), resolve(y)) { return false }
            return true
        case (.function(let f), .function(let g)):
            guard f.parameters.count == g.parameters.count else { return false }
            for (x, y) in zip(f.parameters, g.parameters) where !unifyInner(resolve(x), resolve(y)) { return false }
            return unifyInner(resolve(f.result), resolve(g.result))
        default:
            return a == b
        }
    }

    /// Variables inside a type unified with `unknown` become unknown too.
    private mutating func bindUnknown(_ t: ScriptType) {
        if case .variable(let x) = t, solutions[x] == nil { solutions[x] = .unknown }
    }

    private func occurs(_ id: Int, in t: ScriptType) -> Bool {
        switch resolve(t) {
        case .variable(let x): return x == id
        case .array(let e), .set(let e), .optional(let e), .range(let e, _): return occurs(id, in: e)
        case .dictionary(let k, let v): return occurs(id, in: k) || occurs(id, in: v)
        case .tuple(let items, _): return items.contains { occurs(id, in: $0) }
        case .function(let f): return f.parameters.contains { occurs(id, in: $0) } || occurs(id, in: f.result)
        default: return false
        }
    }

    /// Gives unsolved literal variables their default type (Int, Double) and the others
    /// `unknown`; called at the end of every statement, as Swift solves per statement.
    mutating func solveDefaults(from first: Int) {
        for id in first..<count where solutions[id] == nil {
            switch kind(of: id) {
            case .integerLiteral: solutions[id] = .int
            case .floatLiteral: solutions[id] = .double
            case .any: break
            }
        }
    }

    /// The type a message shows for `t`: solved variables replaced, literals by their default.
    func display(_ t: ScriptType) -> ScriptType {
        switch resolve(t) {
        case .variable(let x):
            switch kind(of: x) {
            case .integerLiteral: return .int
            case .floatLiteral: return .double
            case .any: return .variable(x)
            }
        case .array(let e): return .array(display(e))
        case .set(let e): return .set(display(e))
        case .dictionary(let k, let v): return .dictionary(display(k), display(v))
        case .optional(let w): return .optional(display(w))
        case .tuple(let items, let labels): return .tuple(items.map(display), labels: labels)
        case .function(let f):
            return .function(FunctionType(parameters: f.parameters.map(display), result: display(f.result), throwing: f.throwing))
        case .range(let b, let c): return .range(display(b), closed: c)
        case let other: return other
        }
    }
}
