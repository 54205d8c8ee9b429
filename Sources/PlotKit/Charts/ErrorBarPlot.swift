/// Points with symmetric vertical error bars (capped), optionally joined by a line.
struct ErrorBarPlot: Plottable {
    let x: [Double], y: [Double], errors: [Double]
    let color: Color
    let label: String?
    let connect: Bool

    var xNeed: AxisNeed { let (lo, hi) = Validate.extent(x); return .continuous(Extent(lower: lo, upper: hi)) }
    func yNeed(_ kind: ScaleKind) -> AxisNeed {
        .continuous(Extent(lower: Validate.extent(zip(y, errors).map { $0 - $1 }).0,
                           upper: Validate.extent(zip(y, errors).map { $0 + $1 }).1))
    }
    var minimumY: Double? { Validate.extent(zip(y, errors).map { $0 - $1 }).0 }
    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: color, swatch: .line(dashed: false, marker: true))] } ?? []
    }

    func draw(_ ctx: PlotContext) {
        let pts = zip(x, y).map { Point(x: ctx.x.map($0), y: ctx.y.map($1)) }
        if connect { ctx.canvas.strokePolyline(pts, color: color, width: ctx.theme.lineWidth, dash: []) }
        for (i, p) in pts.enumerated() {
            let top = ctx.y.map(y[i] + errors[i]), bottom = ctx.y.map(y[i] - errors[i])
            ctx.canvas.strokePolyline([Point(x: p.x, y: top), Point(x: p.x, y: bottom)], color: color, width: 1.5, dash: [])
            for e in [top, bottom] {
                ctx.canvas.strokePolyline([Point(x: p.x - 4, y: e), Point(x: p.x + 4, y: e)], color: color, width: 1.5, dash: [])
            }
        }
        ctx.canvas.fillCircles(pts, radius: 4, colors: [color], edge: nil)
    }

    func footprint(_ ctx: PlotContext) -> [Rect] {
        x.indices.map { i in
            Rect(from: Point(x: ctx.x.map(x[i]) - 5, y: ctx.y.map(y[i] + errors[i])),
                 to: Point(x: ctx.x.map(x[i]) + 5, y: ctx.y.map(y[i] - errors[i])))
        }
    }
}

extension Axes {
    /// Adds points with error bars `y - errors ... y + errors`.
    /// - Parameters:
    ///   - y: the values; `errors`: one half-width >= 0 per value.
    ///   - x: positions; `nil` uses 0, 1, 2, ...
    ///   - connect: joins the points with a line.
    public func errorBars(_ y: [Double], errors: [Double], x: [Double]? = nil, label: String? = nil,
                          color: Color? = nil, connect: Bool = true) throws {
        let chart = "errorBars(_:errors:)"
        try Validate.finite(y, chart: chart, argument: "y")
        try Validate.finite(errors, chart: chart, argument: "errors")
        try Validate.length(errors.count, "errors", equals: y.count, "y", chart: chart)
        if let i = errors.firstIndex(where: { $0 < 0 }) {
            throw PlotError.invalidArgument(operation: chart, message: "'errors' must be >= 0, but element \(i) is \(errors[i])")
        }
        let xs = x ?? y.indices.map(Double.init)
        try Validate.finite(xs, chart: chart, argument: "x")
        try Validate.length(xs.count, "x", equals: y.count, "y", chart: chart)
        add(ErrorBarPlot(x: xs, y: y, errors: errors, color: color ?? nextColor(), label: label, connect: connect))
    }
}
