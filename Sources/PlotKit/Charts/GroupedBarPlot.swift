import Foundation

/// Bars grouped by category, one bar per series in each group (e.g. metrics x models).
struct GroupedBarPlot: Plottable {
    /// `values[group][series]`.
    let values: [[Double]]
    let groups: [String]
    let series: [String]
    let colors: [Color]
    let valueLabels: Bool

    private var flat: [Double] { values.flatMap { $0 } }

    var xNeed: AxisNeed { .band(count: groups.count, labels: groups) }

    func yNeed(_ kind: ScaleKind) -> AxisNeed {
        let (lo, hi) = Validate.extent(flat)
        if kind == .log { return .continuous(Extent(lower: lo, upper: hi)) }
        var e = Extent(lower: min(0, lo), upper: max(0, hi), stickyLower: lo >= 0, stickyUpper: hi <= 0,
                       integral: Validate.integral(flat))
        if valueLabels { e.upper += (e.upper - e.lower) * 0.08 }
        return .continuous(e)
    }

    var minimumY: Double? { Validate.extent(flat).0 }

    var legendEntries: [LegendEntry] {
        series.enumerated().map { LegendEntry(label: $1, color: colors[$0], swatch: .patch) }
    }

    func barRect(group g: Int, series s: Int, _ ctx: PlotContext) -> Rect {
        let w = 0.8 / Double(series.count)
        let left = Double(g) + 0.1 + w * Double(s)
        return Rect(from: Point(x: ctx.x.map(left), y: ctx.y.map(ctx.y.baseline)),
                    to: Point(x: ctx.x.map(left + w), y: ctx.y.map(values[g][s])))
    }

    func draw(_ ctx: PlotContext) {
        let font = Font(size: ctx.theme.tickFontSize * 0.8)
        for g in groups.indices {
            for s in series.indices {
                let r = barRect(group: g, series: s, ctx)
                ctx.canvas.fillRect(r, color: colors[s])
                if valueLabels {
                    ctx.canvas.drawText(Ticks.withMinusSign(String(format: "%.2f", values[g][s])), at: Point(x: r.midX, y: r.minY - 3), font: font,
                                        color: ctx.theme.textColor, h: .center, v: .bottom, angle: 0)
                }
            }
        }
    }

    func footprint(_ ctx: PlotContext) -> [Rect] {
        groups.indices.flatMap { g in series.indices.map { barRect(group: g, series: $0, ctx).insetBy(valueLabels ? -12 : 0) } }
    }
}

extension Axes {
    /// Adds grouped bars: `values[group][series]`, e.g. rows RMSE, MAE, ... and columns one per model.
    /// - Parameters:
    ///   - values: one row per group, each with one value per series.
    ///   - groups: category labels along x (one per row).
    ///   - series: legend labels (one per column).
    ///   - valueLabels: writes each value above its bar.
    public func groupedBar(_ values: [[Double]], groups: [String], series: [String], valueLabels: Bool = false) throws {
        let chart = "groupedBar(_:groups:series:)"
        let (rows, cols) = try Validate.matrix(values, chart: chart, argument: "values")
        try Validate.length(groups.count, "groups", equals: rows, "values", chart: chart)
        try Validate.length(series.count, "series", equals: cols, "values[0]", chart: chart)
        add(GroupedBarPlot(values: values, groups: groups, series: series, colors: nextColors(cols), valueLabels: valueLabels))
    }
}
