import Foundation

/// Bars, one per category, vertical or horizontal, with optional value labels.
struct BarPlot: Plottable {
    let values: [Double]
    let labels: [String]
    let horizontal: Bool
    let valueLabels: Bool
    let colors: [Color]
    let label: String?

    private var valueExtent: Extent {
        let (lo, hi) = Validate.extent(values)
        var e = Extent(lower: min(0, lo), upper: max(0, hi), stickyLower: lo >= 0, stickyUpper: hi <= 0,
                       integral: Validate.integral(values))
        if valueLabels { e.upper += (e.upper - e.lower) * 0.08 }
        return e
    }

    var xNeed: AxisNeed { horizontal ? .continuous(valueExtent) : .band(count: values.count, labels: labels) }

    func yNeed(_ kind: ScaleKind) -> AxisNeed {
        if horizontal { return .band(count: values.count, labels: labels) }
        if kind == .log {
            let (lo, hi) = Validate.extent(values)
            return .continuous(Extent(lower: lo, upper: hi * (valueLabels ? 1.5 : 1)))
        }
        return .continuous(valueExtent)
    }

    var minimumY: Double? { horizontal ? nil : Validate.extent(values).0 }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: colors[0], swatch: .patch)] } ?? []
    }

    /// The rectangle of bar `i` in pixels.
    func barRect(_ i: Int, _ ctx: PlotContext) -> Rect {
        let c = Double(i) + 0.5
        if horizontal {
            let y0 = ctx.y.map(c - 0.4), y1 = ctx.y.map(c + 0.4)
            let x0 = ctx.x.map(ctx.x.baseline), x1 = ctx.x.map(values[i])
            return Rect(from: Point(x: x0, y: y0), to: Point(x: x1, y: y1))
        }
        let x0 = ctx.x.map(c - 0.4), x1 = ctx.x.map(c + 0.4)
        let y0 = ctx.y.map(ctx.y.baseline), y1 = ctx.y.map(values[i])
        return Rect(from: Point(x: x0, y: y0), to: Point(x: x1, y: y1))
    }

    func draw(_ ctx: PlotContext) {
        let font = Font(size: ctx.theme.tickFontSize * 0.9)
        for i in values.indices {
            let r = barRect(i, ctx)
            ctx.canvas.fillRect(r, color: colors[i % colors.count])
            guard valueLabels else { continue }
            let text = Ticks.withMinusSign(String(format: "%.3g", values[i]))
            if horizontal {
                let right = values[i] >= 0
                ctx.canvas.drawText(text, at: Point(x: right ? r.maxX + 4 : r.minX - 4, y: r.midY), font: font,
                                    color: ctx.theme.textColor, h: right ? .left : .right, v: .middle, angle: 0)
            } else {
                let up = values[i] >= 0
                ctx.canvas.drawText(text, at: Point(x: r.midX, y: up ? r.minY - 3 : r.maxY + 3), font: font,
                                    color: ctx.theme.textColor, h: .center, v: up ? .bottom : .top, angle: 0)
            }
        }
    }

    func footprint(_ ctx: PlotContext) -> [Rect] {
        values.indices.map { barRect($0, ctx).insetBy(-(valueLabels ? 14 : 0)) }
    }
}

extension Axes {
    /// Adds a bar chart: one bar per label.
    /// - Parameters:
    ///   - values: bar heights (finite).
    ///   - labels: one category label per value.
    ///   - horizontal: draws bars left to right, the first category at the top.
    ///   - valueLabels: writes each value at the end of its bar.
    ///   - color: one colour for all bars; `nil` takes the next palette colour.
    ///   - label: legend text.
    public func bar(_ values: [Double], labels: [String], horizontal: Bool = false, valueLabels: Bool = false,
                    color: Color? = nil, label: String? = nil) throws {
        let chart = horizontal ? "bar(_:labels:horizontal:)" : "bar(_:labels:)"
        try Validate.finite(values, chart: chart, argument: "values")
        try Validate.length(labels.count, "labels", equals: values.count, "values", chart: chart)
        add(BarPlot(values: values, labels: labels, horizontal: horizontal, valueLabels: valueLabels,
                    colors: [color ?? nextColor()], label: label))
    }
}
