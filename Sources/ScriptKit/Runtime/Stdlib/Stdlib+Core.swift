/// print, debugPrint, String(describing:), stride, zip, fatalError.
extension Registry {
    func addCoreFunctions() {
        function("print(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")",
                 doc: "Writes the items' descriptions, separated and terminated.") { args in
            let text = args.array(0).map(\.description).joined(separator: args.string(1)) + args.string(2)
            args.write(text)
            return .void
        }
        function("debugPrint(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")",
                 doc: "Writes the items' debug descriptions (strings quoted).") { args in
            args.write(args.array(0).map(\.debugDescription).joined(separator: args.string(1)) + args.string(2))
            return .void
        }
        function("stride(from start: Int, to end: Int, by step: Int) -> [Int]",
                 doc: "start, start+step, ... up to but not including end.") { args in
            try Registry.stride(args.int(0), args.int(1), args.int(2), inclusive: false)
        }
        function("stride(from start: Int, through end: Int, by step: Int) -> [Int]",
                 doc: "start, start+step, ... up to and including end.") { args in
            try Registry.stride(args.int(0), args.int(1), args.int(2), inclusive: true)
        }
        function("stride(from start: Double, to end: Double, by step: Double) -> [Double]",
                 doc: "start, start+step, ... up to but not including end.") { args in
            try Registry.strideDouble(args.double(0), args.double(1), args.double(2), inclusive: false)
        }
        function("stride(from start: Double, through end: Double, by step: Double) -> [Double]",
                 doc: "start, start+step, ... up to and including end.") { args in
            try Registry.strideDouble(args.double(0), args.double(1), args.double(2), inclusive: true)
        }
        function("zip<T, U>(_ a: [T], _ b: [U]) -> [(T, U)]", doc: "Pairs of elements of two sequences, as long as the shorter.") { args in
            // `zip(1..., xs)`: a one-sided range counts along the other sequence.
            let a = try Registry.elements(args[0], "zip", along: args[1]), b = try Registry.elements(args[1], "zip", along: args[0])
            return .array(zip(a, b).map { .tuple([$0, $1], labels: []) })
        }
        function("fatalError(_ message: String = \"\")", doc: "Stops the cell with an error.") { args in
            throw BindingError("fatal error\(args.string(0).isEmpty ? "" : ": " + args.string(0))")
        }
        function("precondition(_ condition: Bool, _ message: String = \"\")", doc: "Stops the cell with an error when the condition is false.") { args in
            if !args.bool(0) { throw BindingError("precondition failed\(args.string(1).isEmpty ? "" : ": " + args.string(1))") }
            return .void
        }
        function("assert(_ condition: Bool, _ message: String = \"\")", doc: "Stops the cell with an error when the condition is false.") { args in
            if !args.bool(0) { throw BindingError("assertion failed\(args.string(1).isEmpty ? "" : ": " + args.string(1))") }
            return .void
        }
        function("type(of value: Any) -> String", doc: "The name of the value's type.") { args in
            .string(args[0].typeName)
        }
    }

    static func stride(_ from: Int, _ to: Int, _ by: Int, inclusive: Bool) throws -> Value {
        guard by != 0 else { throw BindingError("stride step must not be zero") }
        let (span, o1) = to.subtractingReportingOverflow(from)
        let (count, o2) = span.dividedReportingOverflow(by: by)
        if o1 || o2 || count > 50_000_000 { throw BindingError("stride would produce more than 50,000,000 elements") }
        var out: [Value] = []
        var x = from
        while by > 0 ? (inclusive ? x <= to : x < to) : (inclusive ? x >= to : x > to) {
            out.append(.int(x))
            let (n, o) = x.addingReportingOverflow(by)
            if o { break }
            x = n
        }
        return .array(out)
    }

    static func strideDouble(_ from: Double, _ to: Double, _ by: Double, inclusive: Bool) throws -> Value {
        guard by != 0, by.isFinite, from.isFinite, to.isFinite else { throw BindingError("stride needs finite bounds and a nonzero step") }
        if (to - from) / by > 50_000_000 { throw BindingError("stride would produce more than 50,000,000 elements") }
        var out: [Value] = []
        var i = 0
        while true {
            let x = from + Double(i) * by
            if by > 0 ? (inclusive ? x > to : x >= to) : (inclusive ? x < to : x <= to) { break }
            out.append(.double(x))
            i += 1
        }
        return .array(out)
    }

    /// The elements of a sequence value (array, range, string, dictionary).
    static func elements(_ v: Value, _ what: String) throws -> [Value] {
        switch v {
        case .array(let a): return a
        case .range(let l, let u, let c): return try Value.rangeElements(l, u, closed: c)
        case .string(let s): return s.map { .character($0) }
        case .dictionary(let d): return zip(d.keys, d.values).map { .tuple([$0, $1], labels: ["key", "value"]) }
        case .set(let x): return x.elements
        default: throw BindingError("\(what) expects a sequence, got \(v.typeName)")
        }
    }
}
