/// Points coloured by category (with a legend) or by value (with a colorbar).
struct ScatterPlot: Plottable {
    let x: [Double], y: [Double]
    /// One colour per point.
    let pointColors: [Color]
    let entries: [LegendEntry]
    let colorbarSpec: ColorbarSpec?
    let radius: Double

    var xNeed: AxisNeed { let (lo, hi) = Validate.extent(x); return .continuous(Extent(lower: lo, upper: hi)) }
    func yNeed(_ kind: ScaleKind) -> AxisNeed { let (lo, hi) = Validate.extent(y); return .continuous(Extent(lower: lo, upper: hi)) }
    var minimumY: Double? { Validate.extent(y).0 }
    var legendEntries: [LegendEntry] { entries }
    var colorbar: ColorbarSpec? { colorbarSpec }

    private func points(_ ctx: PlotContext) -> [Point] { zip(x, y).map { Point(x: ctx.x.map($0), y: ctx.y.map($1)) } }

    func draw(_ ctx: PlotContext) {
        ctx.canvas.fillCircles(points(ctx), radius: radius, colors: pointColors, edge: Color.white.withAlpha(0.7))
    }

    func footprint(_ ctx: PlotContext) -> [Rect] {
        points(ctx).map { Rect(x: $0.x - radius, y: $0.y - radius, width: 2 * radius, height: 2 * radius) }
    }
}

extension Axes {
    /// Adds a scatter plot.
    /// - Parameters:
    ///   - x, y: coordinates (finite, same length).
    ///   - categories: one category per point: each gets a palette colour and a legend row
    ///     (in order of first appearance).
    ///   - values: one number per point, coloured through `colormap` with a colorbar
    ///     (give `categories` or `values`, not both).
    ///   - size: the marker radius in pixels.
    ///   - label: legend text when neither `categories` nor `values` is given.
    public func scatter(x: [Double], y: [Double], categories: [String]? = nil, values: [Double]? = nil,
                        size: Double = 4, colormap: Colormap = .viridis, colorbarLabel: String? = nil,
                        label: String? = nil) throws {
        let chart = "scatter(x:y:)"
        try Validate.finite(x, chart: chart, argument: "x")
        try Validate.finite(y, chart: chart, argument: "y")
        try Validate.length(y.count, "y", equals: x.count, "x", chart: chart)
        guard size.isFinite, size > 0, size <= 100 else {
            throw PlotError.invalidArgument(operation: chart, message: "'size' must be in 0...100 pixels, got \(size)")
        }
        if categories != nil && values != nil {
            throw PlotError.invalidArgument(operation: chart, message: "give 'categories' or 'values', not both")
        }
        if let categories {
            try Validate.length(categories.count, "categories", equals: x.count, "x", chart: chart)
            var order: [String] = [], index: [String: Int] = [:]
            for c in categories where index[c] == nil { index[c] = order.count; order.append(c) }
            let palette = nextColors(order.count)
            let colors = categories.map { palette[index[$0] ?? 0].withAlpha(0.85) }
            let entries = order.enumerated().map { LegendEntry(label: $1, color: palette[$0], swatch: .marker) }
            add(ScatterPlot(x: x, y: y, pointColors: colors, entries: entries, colorbarSpec: nil, radius: size))
        } else if let values {
            try Validate.finite(values, chart: chart, argument: "values")
            try Validate.length(values.count, "values", equals: x.count, "x", chart: chart)
            let (lo, hi) = Validate.extent(values)
            let span = hi > lo ? hi - lo : 1
            let colors = values.map { colormap.color(at: ($0 - lo) / span).withAlpha(0.9) }
            add(ScatterPlot(x: x, y: y, pointColors: colors, entries: [],
                            colorbarSpec: ColorbarSpec(colormap: colormap, lower: lo, upper: hi, label: colorbarLabel), radius: size))
        } else {
            let color = nextColor()
            let entries = label.map { [LegendEntry(label: $0, color: color, swatch: .marker)] } ?? []
            add(ScatterPlot(x: x, y: y, pointColors: [color.withAlpha(0.85)], entries: entries, colorbarSpec: nil, radius: size))
        }
    }
}
