import PlotKit
import ScriptKit

extension PlotKitBindings {
    /// `ScaleKind`, `LegendPosition`, `OutputFormat` and `PlotError`.
    static func registerEnums(in registry: Registry) {
        registry.type("ScaleKind", doc: "How an axis maps data to position.")
            .staticProperty("linear: ScaleKind", doc: "Evenly spaced values.") { ScaleKind.linear.scriptValue }
            .staticProperty("log: ScaleKind", doc: "Base-10 logarithmic; every value on the axis must be > 0.") { ScaleKind.log.scriptValue }

        let legend = registry.type("LegendPosition", doc: "Where a legend goes. `best` picks the first inside corner that covers no data, else `outside`.")
        let positions: [(String, LegendPosition, String)] = [
            ("best", .best, "The first inside corner that covers no data, else `outside`."),
            ("upperRight", .upperRight, "Inside, upper right."), ("upperLeft", .upperLeft, "Inside, upper left."),
            ("lowerLeft", .lowerLeft, "Inside, lower left."), ("lowerRight", .lowerRight, "Inside, lower right."),
            ("outside", .outside, "To the right of the plot area (the plot shrinks to make room)."),
            ("none", .none, "No legend."),
        ]
        for (name, position, doc) in positions {
            legend.staticProperty("\(name): LegendPosition", doc: doc) { position.scriptValue }
        }

        let format = registry.type("OutputFormat", doc: "An output file format, chosen from a path's extension.")
        for (name, f) in [("png", OutputFormat.png), ("svg", .svg), ("pdf", .pdf)] {
            format.staticProperty("\(name): OutputFormat", doc: "The \(name.uppercased()) format.") { f.scriptValue }
        }
        format.initializer("init(path: String) -> OutputFormat?", doc: "The format for `path` (case-insensitive extension), or `nil`.") { args in
            .optional(OutputFormat(path: try args.get(0)).map(\.scriptValue))
        }
        format.readOnly("rawValue: String", \OutputFormat.rawValue, doc: "The extension: \"png\", \"svg\" or \"pdf\".")

        let error = registry.type("PlotError", doc: "An error from PlotKit: bad data given to a chart, a bad figure setting, or a failed write.")
        error.staticMethod("nonFinite(chart: String, argument: String, index: Int) -> PlotError", doc: "A value is NaN or infinite.") { args in
            PlotError.nonFinite(chart: try args.get(0), argument: try args.get(1), index: try args.get(2)).scriptValue
        }
        error.staticMethod("empty(chart: String, argument: String) -> PlotError", doc: "A series or matrix has no values.") { args in
            PlotError.empty(chart: try args.get(0), argument: try args.get(1)).scriptValue
        }
        error.staticMethod("lengthMismatch(chart: String, expected: String, got: String) -> PlotError",
                           doc: "Two arguments that must have the same length do not.") { args in
            PlotError.lengthMismatch(chart: try args.get(0), expected: try args.get(1), got: try args.get(2)).scriptValue
        }
        error.staticMethod("invalidArgument(operation: String, message: String) -> PlotError",
                           doc: "Any other invalid argument, with the expectation in words.") { args in
            PlotError.invalidArgument(operation: try args.get(0), message: try args.get(1)).scriptValue
        }
        error.staticMethod("unsupportedFormat(path: String) -> PlotError", doc: "The file extension names no supported format.") { args in
            PlotError.unsupportedFormat(path: try args.get(0)).scriptValue
        }
        error.staticMethod("backend(operation: String, message: String) -> PlotError", doc: "Cairo or libpng reported a failure.") { args in
            PlotError.backend(operation: try args.get(0), message: try args.get(1)).scriptValue
        }
        error.staticMethod("io(path: String, message: String) -> PlotError", doc: "Writing the output file failed.") { args in
            PlotError.io(path: try args.get(0), message: try args.get(1)).scriptValue
        }
        error.readOnly("description: String", \PlotError.description, doc: "The message: the operation and what was expected.")
        error.binaryOperator("==", doc: "The same case with the same values.") { a, b in
            .bool(a.host(PlotError.self) != nil && a.host(PlotError.self) == b.host(PlotError.self))
        }
    }
}
