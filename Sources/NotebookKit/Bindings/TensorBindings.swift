import ScriptKit

/// Registry rows for TensorKit (none bound yet in this build).
enum TensorBindings {
    static func register(in registry: Registry) {}
}
