import ScriptKit
import TensorKit

/// Registry rows for all of TensorKit, one file per area. Every row mirrors the Swift API:
/// same names, labels, `Float` parameter types, defaults and `throws`; APIs that take
/// `generator: inout SeededGenerator` take `&rng` as in Swift.
enum TensorKitBindings {
    /// Registers every TensorKit type and function in `registry`.
    static func register(in registry: Registry) {
        registerTensorCreation(in: registry)
        registerTensorArithmetic(in: registry)
        registerTensorMath(in: registry)
        registerTensorMovement(in: registry)
        registerTensorReductions(in: registry)
        registerAutodiff(in: registry)
        registerSparse(in: registry)
        registerModules(in: registry)
        registerLayers(in: registry)
        registerLosses(in: registry)
        registerOptimizers(in: registry)
        registerSafetensors(in: registry)
        registerRandom(in: registry)
        registerDiagnostics(in: registry)
    }

    /// The receiver of a `Tensor` row.
    static func tensor(_ v: Value) throws -> Tensor { try Tensor.fromScript(v) }

    /// A library value (an existential such as `any Layer`) as the box of its concrete type.
    static func boxed(_ value: Any) -> Value {
        if let bound = value as? any ScriptBound { return bound.scriptValue }
        return .void
    }

    /// `[(name: String, parameter: Parameter)]` as script tuples.
    static func namedParameters(_ list: [(name: String, parameter: Parameter)]) -> Value {
        .array(list.map { .tuple([.string($0.name), $0.parameter.scriptValue], labels: ["name", "parameter"]) })
    }

    /// `[(name: String, module: any Module)]` as script tuples.
    static func namedModules(_ list: [(name: String, module: any Module)]) -> Value {
        .array(list.map { .tuple([.string($0.name), boxed($0.module)], labels: ["name", "module"]) })
    }

    /// Runs `body` on the `inout SeededGenerator` argument `i` and writes the advanced generator
    /// back to the caller's `&` variable, as Swift does.
    static func withGenerator<R>(_ args: Arguments, _ i: Int, _ body: (inout SeededGenerator) throws -> R) throws -> R {
        var g = try args.get(i, as: SeededGenerator.self)
        defer { args.setInout(i, g.scriptValue) }
        return try body(&g)
    }
}
