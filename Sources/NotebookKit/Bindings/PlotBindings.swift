import ScriptKit

/// Registry rows for PlotKit (none bound yet in this build).
enum PlotBindings {
    static func register(in registry: Registry) {}
}
