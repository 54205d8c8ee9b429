/// A line series: y over x (or over 0, 1, 2...), optional markers and a shaded band (mean +/- std).
struct LinePlot: Plottable {
    let x: [Double], y: [Double]
    let band: (lower: [Double], upper: [Double])?
    let label: String?
    let color: Color
    let marker: Bool, dashed: Bool

    var xNeed: AxisNeed {
        let (lo, hi) = Validate.extent(x)
        return .continuous(Extent(lower: lo, upper: hi, integral: Validate.integral(x)))
    }

    func yNeed(_ kind: ScaleKind) -> AxisNeed {
        var (lo, hi) = Validate.extent(y)
        if let band {
            lo = min(lo, Validate.extent(band.lower).0)
            hi = max(hi, Validate.extent(band.upper).1)
        }
        return .continuous(Extent(lower: lo, upper: hi, integral: band == nil && Validate.integral(y)))
    }

    var minimumY: Double? { Validate.extent(band?.lower ?? y).0 }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: color, swatch: .line(dashed: dashed, marker: marker))] } ?? []
    }

    private func points(_ ctx: PlotContext, _ ys: [Double]) -> [Point] {
        zip(x, ys).map { Point(x: ctx.x.map($0), y: ctx.y.map($1)) }
    }

    func draw(_ ctx: PlotContext) {
        if let band {
            let upper = points(ctx, band.upper), lower = points(ctx, band.lower)
            ctx.canvas.fillPolygon(upper + lower.reversed(), color: color.withAlpha(0.22), edge: nil, edgeWidth: 0)
        }
        let pts = points(ctx, y)
        ctx.canvas.strokePolyline(pts, color: color, width: ctx.theme.lineWidth, dash: dashed ? [6, 3] : [])
        if marker {
            ctx.canvas.fillCircles(pts, radius: ctx.theme.lineWidth + 1.8, colors: [color], edge: ctx.theme.plotBackground)
        }
    }

    /// Small boxes along the line (every ~8 px) and over the band.
    func footprint(_ ctx: PlotContext) -> [Rect] {
        var rects: [Rect] = []
        let pts = points(ctx, y)
        for (i, p) in pts.enumerated() {
            rects.append(Rect(x: p.x - 3, y: p.y - 3, width: 6, height: 6))
            guard i + 1 < pts.count else { break }
            let q = pts[i + 1]
            let steps = min(200, Int(max(abs(q.x - p.x), abs(q.y - p.y)) / 8))
            if steps > 0 {
                for s in 1...steps {
                    let t = Double(s) / Double(steps + 1)
                    rects.append(Rect(x: p.x + (q.x - p.x) * t - 3, y: p.y + (q.y - p.y) * t - 3, width: 6, height: 6))
                }
            }
        }
        if let band {
            for (l, u) in zip(points(ctx, band.lower), points(ctx, band.upper)) { rects.append(Rect(from: l, to: u)) }
        }
        return rects
    }
}

extension Axes {
    /// Adds a line series.
    /// - Parameters:
    ///   - y: the values (finite, at least one).
    ///   - x: x positions, one per value; `nil` uses 0, 1, 2, ...
    ///   - label: the legend text (`nil` leaves the series out of the legend).
    ///   - std: a standard deviation per value; draws a shaded band `y - std ... y + std`.
    ///   - color: the line colour; `nil` takes the next palette colour.
    ///   - marker: draws a dot at each point.
    ///   - dashed: draws the line dashed.
    /// - Throws: `PlotError` on empty, NaN/infinite or mismatched input, or a negative `std`.
    public func line(_ y: [Double], x: [Double]? = nil, label: String? = nil, std: [Double]? = nil,
                     color: Color? = nil, marker: Bool = false, dashed: Bool = false) throws {
        let chart = "line(_:x:label:)"
        try Validate.finite(y, chart: chart, argument: "y")
        let xs = x ?? y.indices.map(Double.init)
        try Validate.finite(xs, chart: chart, argument: "x")
        try Validate.length(xs.count, "x", equals: y.count, "y", chart: chart)
        var band: ([Double], [Double])?
        if let std {
            try Validate.finite(std, chart: chart, argument: "std")
            try Validate.length(std.count, "std", equals: y.count, "y", chart: chart)
            if let i = std.firstIndex(where: { $0 < 0 }) {
                throw PlotError.invalidArgument(operation: chart, message: "'std' must be >= 0, but element \(i) is \(std[i])")
            }
            band = (zip(y, std).map { $0 - $1 }, zip(y, std).map { $0 + $1 })
        }
        add(LinePlot(x: xs, y: y, band: band, label: label, color: color ?? nextColor(), marker: marker, dashed: dashed))
    }
}
