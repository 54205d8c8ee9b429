import ScriptKit
import TensorKit

/// Registry rows for all of TensorKit, one file per area. Every row mirrors the Swift API:
/// same names, labels, `Float` parameter types, defaults and `throws`. The only departure:
/// APIs that take `generator: inout SeededGenerator` are bound with `seed: UInt64` in its
/// place (a generator seeded with it), as host rows cannot take `inout` arguments.
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

    /// A generator for the `seed:` form of an `inout SeededGenerator` API.
    static func generator(_ args: Arguments, _ i: Int) throws -> SeededGenerator {
        SeededGenerator(seed: try args.get(i, as: UInt64.self))
    }
}
