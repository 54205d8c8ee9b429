import PlotKit
import ScriptKit

/// Registry rows for all of PlotKit, one file per area: `Figure`, `Axes` and their charts,
/// colours, colormaps, themes and the small enums. Every row mirrors the Swift API (names,
/// labels, types, defaults, `throws`). A Swift default that is not a literal (`colormap:
/// Colormap = .viridis`, `theme: Theme = .seaborn`) is bound as two overloads, one without
/// the parameter (the Swift default applies) and one where it is required.
enum PlotKitBindings {
    /// Registers every PlotKit type in `registry`.
    static func register(in registry: Registry) {
        registerStyles(in: registry)
        registerEnums(in: registry)
        registerAxes(in: registry)
        registerFigure(in: registry)
    }

    /// `ClosedRange<Double>?` from a script range (`0...10` or `0.0...1.5`), or nil.
    static func closedRange(_ v: Value, _ what: String) throws -> ClosedRange<Double>? {
        guard let u = v.unwrapped else { return nil }
        switch u {
        case .range(let lower, let upper, let closed) where closed:
            guard lower <= upper else { throw BindingError("\(what): expected lower <= upper, got \(lower)...\(upper)") }
            return Double(lower)...Double(upper)
        case .boundedRange(let l, let u, let closed) where closed:
            let lower = try Double.fromScript(l), upper = try Double.fromScript(u)
            guard lower <= upper else { throw BindingError("\(what): expected lower <= upper, got \(lower)...\(upper)") }
            return lower...upper
        case .tuple(let parts, _) where parts.count == 2:
            let lower = try Double.fromScript(parts[0]), upper = try Double.fromScript(parts[1])
            guard lower <= upper else { throw BindingError("\(what): expected lower <= upper, got \(lower)...\(upper)") }
            return lower...upper
        default:
            throw BindingError("\(what): expected ClosedRange<Double>, got \(u.typeName)")
        }
    }
}
