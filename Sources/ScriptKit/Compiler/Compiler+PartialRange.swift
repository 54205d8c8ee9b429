/// One-sided ranges: `xs[1...]`, `s[..<i]`, `case ..<2.0:`, `for i in 1...`, `zip(1..., xs)`.
extension Compiler {
    func partialRange(_ lower: Expr?, _ upper: Expr?, closed: Bool, _ l: SourceLocation) -> Eval {
        let code = expr(lower ?? upper!)
        let isLower = lower != nil
        return { f in
            let bound = try code(f)
            switch bound {
            case .int, .double, .float, .string, .character: break
            default:
                throw LocatedError(message: "a one-sided range needs a comparable bound, got '\(bound.typeName)'", location: l)
            }
            return isLower ? .partialRange(lower: bound, upper: nil, closed: true)
                : .partialRange(lower: nil, upper: bound, closed: closed)
        }
    }

    /// `for i in lower...`: counts up until the body leaves the loop (`step` returns a flow).
    static func forInPartialRange(_ lower: Value, _ location: SourceLocation, _ step: (Value) throws -> Flow?) throws -> Flow {
        guard case .int(var k) = lower else {
            throw LocatedError(message: "for-in loop requires a sequence; '\(Value.partialRange(lower: lower, upper: nil, closed: true).typeName)' is not one", location: location)
        }
        while true {
            if let exit = try step(.int(k)) { return exit }
            let (next, overflow) = k.addingReportingOverflow(1)
            if overflow { throw LocatedError(message: "arithmetic overflow: the range \(lower)... went past Int.max", location: location) }
            k = next
        }
    }
}

extension Runtime {
    /// The positions `lower...`, `..<upper` or `...upper` select in a collection of `count`
    /// elements, checked; nil when `key` is not a one-sided Int range.
    static func partialBounds(_ key: Value, count: Int, _ location: SourceLocation) throws -> Range<Int>? {
        guard case .partialRange(let lower, let upper, let closed) = key else { return nil }
        switch (lower, upper) {
        case (.int(let l)?, nil):
            guard l >= 0, l <= count else {
                throw LocatedError(message: "range \(l)... out of bounds for collection of count \(count)", location: location)
            }
            return l..<count
        case (nil, .int(let u)?):
            let (end, overflow) = u.addingReportingOverflow(closed ? 1 : 0)
            guard !overflow, u >= 0, end <= count else {
                throw LocatedError(message: "range \(closed ? "..." : "..<")\(u) out of bounds for collection of count \(count)", location: location)
            }
            return 0..<end
        default:
            throw LocatedError(message: "cannot subscript with a range of type '\(key.typeName)'", location: location)
        }
    }

    /// Whether `v` lies in the one-sided range (`case ..<2.0:`, `(5...).contains(x)`); nil
    /// when the bound and the value cannot be compared.
    static func partialRangeContains(_ range: Value, _ v: Value) -> Bool? {
        guard case .partialRange(let lower, let upper, let closed) = range else { return nil }
        if let lower {
            guard let c = compare(lower, v) else { return nil }
            return c <= 0
        }
        guard let upper, let c = compare(v, upper) else { return nil }
        return closed ? c <= 0 : c < 0
    }
}
