import PlotKit
import ScriptKit

// Every public type of PlotKit crosses into scripts as a `HostObject` box under its Swift
// name (nested types keep their dots), so binding rows read and return them with
// `args.get(i, as: T.self)` and `value.scriptValue`.

extension Axes: ScriptBound { public static var scriptName: String { "Axes" } }
extension Color: ScriptBound { public static var scriptName: String { "Color" } }
extension Colormap: ScriptBound { public static var scriptName: String { "Colormap" } }
extension Figure: ScriptBound { public static var scriptName: String { "Figure" } }
extension LegendPosition: ScriptBound { public static var scriptName: String { "LegendPosition" } }
extension OutputFormat: ScriptBound { public static var scriptName: String { "OutputFormat" } }
extension PlotError: ScriptBound { public static var scriptName: String { "PlotError" } }
extension ScaleKind: ScriptBound { public static var scriptName: String { "ScaleKind" } }
extension Theme: ScriptBound { public static var scriptName: String { "Theme" } }
