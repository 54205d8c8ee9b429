import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// `SeededGenerator`: a struct whose `next...()` methods are mutating (call them on a `var`).
    static func registerRandom(in registry: Registry) {
        let type = registry.type("SeededGenerator", doc: "A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) that produces the same sequence on every machine and every run for the same seed.")
        type.initializer("init(seed: UInt64)", doc: "Creates a generator whose whole state is derived from `seed`.") { args in
            SeededGenerator(seed: try args.get(0)).scriptValue
        }
        func draw<T: ScriptConvertible>(_ signature: String, _ doc: String, _ f: @escaping (inout SeededGenerator) -> T) {
            type.mutatingMethod(signature, doc: doc) { this, _ in
                var g = try SeededGenerator.fromScript(this)
                let value = f(&g)
                this = g.scriptValue
                return value.scriptValue
            }
        }
        draw("next() -> UInt64", "The next 64 random bits (as an Int holding the same bits).") { $0.next() }
        draw("nextUniform() -> Float", "A uniform Float in [0, 1) built from the top 24 bits.") { $0.nextUniform() }
        draw("nextDouble() -> Double", "A uniform Double in [0, 1) built from the top 53 bits.") { $0.nextDouble() }
        draw("nextNormal() -> Float", "A standard normal sample (Box-Muller in Double, rounded to Float).") { $0.nextNormal() }
        registerSeededDraws(in: registry)
    }

    /// The standard library's `using:` overloads with a `SeededGenerator` (Swift's own, as
    /// `SeededGenerator` is a `RandomNumberGenerator`): the same draws on every run for a seed.
    static func registerSeededDraws(in registry: Registry) {
        registry.type("Array", doc: "")
            .method("shuffled(using generator: inout SeededGenerator) -> [Element]",
                    doc: "The elements in an order drawn from `generator` (pass `&rng`).") { this, args in
                guard case .array(let items) = this else { throw BindingError("expected an array, got \(this.typeName)") }
                return try withGenerator(args, 0) { g in .array(items.shuffled(using: &g)) }
            }
            .method("randomElement(using generator: inout SeededGenerator) -> Element?",
                    doc: "An element drawn from `generator`, or nil when empty.") { this, args in
                guard case .array(let items) = this else { throw BindingError("expected an array, got \(this.typeName)") }
                return try withGenerator(args, 0) { g in .optional(items.randomElement(using: &g)) }
            }
        registry.type("Int", doc: "")
            .staticMethod("random(in range: Range<Int>, using generator: inout SeededGenerator) -> Int",
                          doc: "An integer in the range drawn from `generator`.") { args in
                try randomInt(args)
            }
            .staticMethod("random(in range: ClosedRange<Int>, using generator: inout SeededGenerator) -> Int",
                          doc: "An integer in the closed range drawn from `generator`.") { args in
                try randomInt(args)
            }
        registry.type("Double", doc: "")
            .staticMethod("random(in range: Range<Double>, using generator: inout SeededGenerator) -> Double",
                          doc: "A number in the range drawn from `generator`.") { args in
                try randomDouble(args)
            }
            .staticMethod("random(in range: ClosedRange<Double>, using generator: inout SeededGenerator) -> Double",
                          doc: "A number in the closed range drawn from `generator`.") { args in
                try randomDouble(args)
            }
        registry.type("Bool", doc: "")
            .staticMethod("random(using generator: inout SeededGenerator) -> Bool", doc: "true or false drawn from `generator`.") { args in
                try withGenerator(args, 0) { g in .bool(Bool.random(using: &g)) }
            }
    }

    private static func randomInt(_ args: Arguments) throws -> Value {
        guard case .range(let l, let u, let closed) = args[0], closed ? l <= u : l < u else {
            throw BindingError("random(in:using:) needs a non-empty range, got \(args[0])")
        }
        return try withGenerator(args, 1) { g in .int(closed ? Int.random(in: l...u, using: &g) : Int.random(in: l..<u, using: &g)) }
    }

    private static func randomDouble(_ args: Arguments) throws -> Value {
        let (l, u, closed) = try Registry.floatingBounds(args[0])
        return try withGenerator(args, 1) { g in
            .double(closed ? Double.random(in: l...u, using: &g) : Double.random(in: l..<u, using: &g))
        }
    }

    /// `TensorError` and the `BLASStatistics` counters.
    static func registerDiagnostics(in registry: Registry) {
        registry.type("TensorError", doc: "An error of a TensorKit operation: bad shapes, indices, arguments or files.")
            .initializer("init(_ operation: String, _ message: String)", doc: "Creates an error for `operation` with a message saying what was expected.") { args in
                TensorError(try args.get(0), try args.get(1)).scriptValue
            }
            .readOnly("operation: String", \TensorError.operation, doc: "The operation that failed, e.g. `\"matmul\"`.")
            .readOnly("message: String", \TensorError.message, doc: "What was wrong, in words.")
            .readOnly("description: String", \TensorError.description, doc: "`\"operation: message\"`.")
        registry.type("BLASStatistics", doc: "Optional accounting of the time TensorKit spends inside `cblas_sgemm` (for benchmarks).")
            .staticProperty("isEnabled: Bool", doc: "Whether sgemm calls are timed (read-only here: benchmarks set it from Swift).") { .bool(BLASStatistics.isEnabled) }
            .staticProperty("seconds: Double", doc: "Seconds spent in sgemm since the last `reset()`.") { .double(BLASStatistics.seconds) }
            .staticProperty("calls: Int", doc: "The number of sgemm calls since the last `reset()`.") { .int(BLASStatistics.calls) }
            .staticMethod("reset()", doc: "Zeroes the counters.") { _ in
                BLASStatistics.reset()
                return .void
            }
            .staticMethod("now() -> Double", doc: "A monotonic clock in seconds.") { _ in .double(BLASStatistics.now()) }
    }
}
