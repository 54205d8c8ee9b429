import PlotKit
import ScriptKit

extension PlotKitBindings {
    /// The chart and decoration rows shared by `Axes` and `Figure` (whose methods draw into
    /// its first axes, `figure.axes`, exactly as the Swift extension `Figure+Charts` does).
    /// `axes` gives the `Axes` a receiver draws into; `firstAxes` says "the first axes'" in docs.
    static func addChartRows(to type: TypeBinding, firstAxes: Bool, axes: @escaping (Value) throws -> Axes) {
        let name = type.name
        let whose = firstAxes ? "the first axes'" : "the"
        type.method("line(_ y: [Double], x: [Double]? = nil, label: String? = nil, std: [Double]? = nil, color: Color? = nil, marker: Bool = false, dashed: Bool = false) throws",
                    doc: "Adds a line series (x defaults to 0, 1, 2, ...); `std` draws a shaded band `y - std ... y + std`.") { this, args in
            try axes(this).line(try args.get(0), x: try args.get(1), label: try args.get(2), std: try args.get(3),
                                color: try args.get(4), marker: try args.get(5), dashed: try args.get(6))
            return .void
        }
        type.method("bar(_ values: [Double], labels: [String], horizontal: Bool = false, valueLabels: Bool = false, color: Color? = nil, label: String? = nil) throws",
                    doc: "Adds a bar chart: one bar per label.") { this, args in
            try axes(this).bar(try args.get(0), labels: try args.get(1), horizontal: try args.get(2), valueLabels: try args.get(3),
                               color: try args.get(4), label: try args.get(5))
            return .void
        }
        type.method("groupedBar(_ values: [[Double]], groups: [String], series: [String], valueLabels: Bool = false) throws",
                    doc: "Adds grouped bars: `values[group][series]`, one row per group (along x), each with one value per series (in the legend).") { this, args in
            try axes(this).groupedBar(try args.get(0), groups: try args.get(1), series: try args.get(2), valueLabels: try args.get(3))
            return .void
        }
        type.method("histogram(_ values: [Double], bins: Int? = nil, range: ClosedRange<Double>? = nil, density: Bool = false, color: Color? = nil, label: String? = nil) throws",
                    doc: "Adds a histogram of `values`; `bins: nil` picks the count by the Freedman-Diaconis rule (Sturges when the IQR is 0).") { this, args in
            try axes(this).histogram(try args.get(0), bins: try args.get(1), range: try closedRange(args[2], "\(name).histogram(_:bins:range:density:color:label:)"),
                                     density: try args.get(3), color: try args.get(4), label: try args.get(5))
            return .void
        }
        type.method("pie(_ values: [Double], labels: [String], percentages: Bool = true) throws",
                    doc: "Adds a pie chart (the axes are hidden).") { this, args in
            try axes(this).pie(try args.get(0), labels: try args.get(1), percentages: try args.get(2))
            return .void
        }
        // `colormap: Colormap = .viridis` is not a literal default: one overload without it, one with it.
        type.method("heatmap(_ matrix: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil, annotate: Bool = false, format: String = \"%.2f\", range: ClosedRange<Double>? = nil, colorbarLabel: String? = nil) throws",
                    doc: "Adds a heatmap of `matrix` (row 0 at the top) with a colorbar, coloured with viridis.") { this, args in
            try axes(this).heatmap(try args.get(0), rowLabels: try args.get(1), columnLabels: try args.get(2), annotate: try args.get(3),
                                   format: try args.get(4), range: try closedRange(args[5], "\(name).heatmap"), colorbarLabel: try args.get(6))
            return .void
        }
        type.method("heatmap(_ matrix: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil, colormap: Colormap, annotate: Bool = false, format: String = \"%.2f\", range: ClosedRange<Double>? = nil, colorbarLabel: String? = nil) throws",
                    doc: "Adds a heatmap of `matrix` (row 0 at the top) with a colorbar, coloured through `colormap`.") { this, args in
            try axes(this).heatmap(try args.get(0), rowLabels: try args.get(1), columnLabels: try args.get(2), colormap: try args.get(3),
                                   annotate: try args.get(4), format: try args.get(5), range: try closedRange(args[6], "\(name).heatmap"),
                                   colorbarLabel: try args.get(7))
            return .void
        }
        type.method("scatter(x: [Double], y: [Double], categories: [String]? = nil, values: [Double]? = nil, size: Double = 4, colorbarLabel: String? = nil, label: String? = nil) throws",
                    doc: "Adds a scatter plot, coloured by category (with a legend) or by value through viridis (with a colorbar).") { this, args in
            try axes(this).scatter(x: try args.get(0), y: try args.get(1), categories: try args.get(2), values: try args.get(3),
                                   size: try args.get(4), colorbarLabel: try args.get(5), label: try args.get(6))
            return .void
        }
        type.method("scatter(x: [Double], y: [Double], categories: [String]? = nil, values: [Double]? = nil, size: Double = 4, colormap: Colormap, colorbarLabel: String? = nil, label: String? = nil) throws",
                    doc: "Adds a scatter plot, coloured by category (with a legend) or by value through `colormap` (with a colorbar).") { this, args in
            try axes(this).scatter(x: try args.get(0), y: try args.get(1), categories: try args.get(2), values: try args.get(3),
                                   size: try args.get(4), colormap: try args.get(5), colorbarLabel: try args.get(6), label: try args.get(7))
            return .void
        }
        type.method("errorBars(_ y: [Double], errors: [Double], x: [Double]? = nil, label: String? = nil, color: Color? = nil, connect: Bool = true) throws",
                    doc: "Adds points with error bars `y - errors ... y + errors`, optionally joined by a line.") { this, args in
            try axes(this).errorBars(try args.get(0), errors: try args.get(1), x: try args.get(2), label: try args.get(3),
                                     color: try args.get(4), connect: try args.get(5))
            return .void
        }
        type.method("setTitle(_ text: String)", doc: firstAxes ? "Sets the first axes' title (the figure's own title is `title`)." : "Sets the title drawn above the plot area.") { this, args in
            try axes(this).setTitle(try args.get(0))
            return .void
        }
        type.method("xLabel(_ text: String)", doc: "Sets \(whose) x axis label.") { this, args in
            try axes(this).xLabel(try args.get(0))
            return .void
        }
        type.method("yLabel(_ text: String)", doc: "Sets \(whose) y axis label.") { this, args in
            try axes(this).yLabel(try args.get(0))
            return .void
        }
        type.method("yScale(_ kind: ScaleKind)", doc: "Sets \(whose) y axis scale; `.log` needs every y value > 0 (checked when the figure renders).") { this, args in
            try axes(this).yScale(try args.get(0))
            return .void
        }
        type.method("legend(position: LegendPosition)", doc: "Places (or hides) \(whose) legend.") { this, args in
            try axes(this).legend(position: try args.get(0))
            return .void
        }
        type.method("grid(_ visible: Bool, minor: Bool = false)", doc: "Shows or hides \(whose) grid lines; `minor: true` adds fainter lines at the minor ticks of a log axis.") { this, args in
            try axes(this).grid(try args.get(0), minor: try args.get(1))
            return .void
        }
    }

    /// `Axes`: one subplot, reached through `figure.axes` or `figure.axes(row:column:)`.
    static func registerAxes(in registry: Registry) {
        let type = registry.type("Axes", doc: "One subplot: a plot area with two axes, a title, labels, a legend and the charts drawn in it.").referenceType()
        addChartRows(to: type, firstAxes: false) { try Axes.fromScript($0) }
    }
}
