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
