import Foundation

/// A histogram: counts (or densities) of values in equal-width bins.
struct HistogramPlot: Plottable {
    let edges: [Double]
    let counts: [Double]
    let color: Color
    let label: String?

    var xNeed: AxisNeed { .continuous(Extent(lower: edges[0], upper: edges[edges.count - 1])) }

    func yNeed(_ kind: ScaleKind) -> AxisNeed {
        let hi = counts.max() ?? 1
        if kind == .log { return .continuous(Extent(lower: counts.filter { $0 > 0 }.min() ?? 1, upper: hi)) }
        return .continuous(Extent(lower: 0, upper: max(hi, 1e-12), stickyLower: true, integral: Validate.integral(counts)))
    }

    var minimumY: Double? { counts.filter { $0 > 0 }.min() }

    var legendEntries: [LegendEntry] { label.map { [LegendEntry(label: $0, color: color, swatch: .patch)] } ?? [] }

    private func rect(_ i: Int, _ ctx: PlotContext) -> Rect {
        Rect(from: Point(x: ctx.x.map(edges[i]), y: ctx.y.map(ctx.y.baseline)),
             to: Point(x: ctx.x.map(edges[i + 1]), y: ctx.y.map(max(counts[i], ctx.y.baseline))))
    }

    func draw(_ ctx: PlotContext) {
        for i in counts.indices where counts[i] > 0 {
            let r = rect(i, ctx)
            ctx.canvas.fillPolygon(Legend.corners(r), color: color, edge: ctx.theme.patchEdge, edgeWidth: 0.8)
        }
    }

    func footprint(_ ctx: PlotContext) -> [Rect] { counts.indices.filter { counts[$0] > 0 }.map { rect($0, ctx) } }

    /// The bin count for `values`: Freedman-Diaconis, or Sturges when the IQR is 0; 1...200.
    static func autoBins(_ sorted: [Double]) -> Int {
        let n = Double(sorted.count)
        let span = sorted[sorted.count - 1] - sorted[0]
        let iqr = sorted[Int(n * 0.75) < sorted.count ? Int(n * 0.75) : sorted.count - 1] - sorted[Int(n * 0.25)]
        let sturges = Int(ceil(log2(n))) + 1
        guard iqr > 0, span > 0 else { return min(max(sturges, 1), 200) }
        let width = 2 * iqr / cbrt(n)
        return min(max(Int(ceil(span / width)), 1), 200)
    }
}

extension Axes {
    /// Adds a histogram of `values`.
    /// - Parameters:
    ///   - values: the samples (finite, at least one).
    ///   - bins: the number of bins; `nil` picks one by the Freedman-Diaconis rule (Sturges when the IQR is 0).
    ///   - range: the binned interval; `nil` uses the data's min...max. Values outside are not counted.
    ///   - density: scales counts so the bars' area is 1.
    public func histogram(_ values: [Double], bins: Int? = nil, range: ClosedRange<Double>? = nil,
                          density: Bool = false, color: Color? = nil, label: String? = nil) throws {
        let chart = "histogram(_:bins:)"
        try Validate.finite(values, chart: chart, argument: "values")
        if let bins, !(1...10_000).contains(bins) {
            throw PlotError.invalidArgument(operation: chart, message: "'bins' must be in 1...10000, got \(bins)")
        }
        if let range, !(range.lowerBound.isFinite && range.upperBound.isFinite && range.upperBound > range.lowerBound) {
            throw PlotError.invalidArgument(operation: chart, message: "'range' must be finite with lower < upper, got \(range)")
        }
        let (minV, maxV) = Validate.extent(values)
        var lo = range?.lowerBound ?? minV, hi = range?.upperBound ?? maxV
        if hi <= lo { lo -= 0.5; hi += 0.5 }
        guard (hi - lo).isFinite else {
            throw PlotError.invalidArgument(operation: chart, message: "the values span \(lo) ... \(hi), wider than a Double can hold")
        }
        let n = bins ?? HistogramPlot.autoBins(values.sorted())
        let width = (hi - lo) / Double(n)
        var counts = [Double](repeating: 0, count: n)
        for v in values where v >= lo && v <= hi {
            counts[min(n - 1, Int((v - lo) / width))] += 1
        }
        if density {
            let total = counts.reduce(0, +)
            if total > 0 { counts = counts.map { $0 / (total * width) } }
        }
        let edges = (0...n).map { lo + Double($0) * width }
        add(HistogramPlot(edges: edges, counts: counts, color: color ?? nextColor(), label: label))
    }
}
