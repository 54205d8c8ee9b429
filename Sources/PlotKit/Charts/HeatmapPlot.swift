import Foundation

/// A matrix drawn as coloured cells: row 0 at the top, with a colorbar.
///
/// The matrix is painted as one image, one pixel per cell, scaled with nearest-neighbour
/// filtering. When there are more cells than device pixels, blocks of cells are averaged
/// first, so a sparse 943 x 1682 rating matrix keeps its texture instead of dropping rows.
struct HeatmapPlot: Plottable {
    /// Row-major values.
    let values: [Double]
    let rows: Int, columns: Int
    let rowLabels: [String]?, columnLabels: [String]?
    let colormap: Colormap
    let lower: Double, upper: Double
    let annotate: Bool
    let format: String
    let colorbarLabel: String?

    var xNeed: AxisNeed { .band(count: columns, labels: columnLabels) }
    func yNeed(_ kind: ScaleKind) -> AxisNeed { .band(count: rows, labels: rowLabels) }
    var minimumY: Double? { nil }
    var colorbar: ColorbarSpec? { ColorbarSpec(colormap: colormap, lower: lower, upper: upper, label: colorbarLabel) }
    func footprint(_ ctx: PlotContext) -> [Rect] { [ctx.area] }

    /// The raster: `outRows` x `outColumns` pixels, each the mean of its block of cells.
    func raster(outRows: Int, outColumns: Int) -> RasterImage {
        let lut = colormap.lookupTable()
        let span = upper > lower ? upper - lower : 1
        var pixels = [UInt32](repeating: 0, count: outRows * outColumns)
        values.withUnsafeBufferPointer { v in
            lut.withUnsafeBufferPointer { lut in
                pixels.withUnsafeMutableBufferPointer { out in
                    for r in 0..<outRows {
                        let r0 = r * rows / outRows, r1 = max(r0 + 1, (r + 1) * rows / outRows)
                        for c in 0..<outColumns {
                            let c0 = c * columns / outColumns, c1 = max(c0 + 1, (c + 1) * columns / outColumns)
                            var sum = 0.0
                            for rr in r0..<r1 {
                                let base = rr * columns
                                for cc in c0..<c1 { sum += v[base + cc] }
                            }
                            let mean = sum / Double((r1 - r0) * (c1 - c0))
                            let t = min(max((mean - lower) / span, 0), 1)
                            out[r * outColumns + c] = lut[Int(t * 255 + 0.5)]
                        }
                    }
                }
            }
        }
        return RasterImage(width: outColumns, height: outRows, pixels: pixels)
    }

    func draw(_ ctx: PlotContext) {
        let rect = Rect(from: Point(x: ctx.x.map(0), y: ctx.y.map(0)),
                        to: Point(x: ctx.x.map(Double(columns)), y: ctx.y.map(Double(rows))))
        let devW = max(1, Int((rect.width * ctx.pixelScale).rounded(.up)))
        let devH = max(1, Int((rect.height * ctx.pixelScale).rounded(.up)))
        ctx.canvas.drawImage(raster(outRows: min(rows, devH), outColumns: min(columns, devW)), in: rect)
        guard annotate else { return }
        let cellW = rect.width / Double(columns), cellH = rect.height / Double(rows)
        let font = Font(size: min(ctx.theme.tickFontSize, cellH * 0.6))
        let sample = ctx.canvas.measure(String(format: format, upper), font: font)
        guard sample.width + 4 <= cellW, sample.height <= cellH, font.size >= 6 else { return }
        let span = upper > lower ? upper - lower : 1
        for r in 0..<rows {
            for c in 0..<columns {
                let v = values[r * columns + c]
                let fill = colormap.color(at: (v - lower) / span)
                ctx.canvas.drawText(String(format: format, v),
                                    at: Point(x: rect.minX + (Double(c) + 0.5) * cellW, y: rect.minY + (Double(r) + 0.5) * cellH),
                                    font: font, color: fill.luminance < 0.45 ? .white : Color(hex: 0x262626),
                                    h: .center, v: .middle, angle: 0)
            }
        }
    }
}

extension Axes {
    /// Adds a heatmap of `matrix` (row 0 at the top) with a colorbar.
    /// - Parameters:
    ///   - matrix: rows of equal length, finite values.
    ///   - rowLabels, columnLabels: category labels; `nil` labels by index (thinned to fit).
    ///   - colormap: the colour scale (`.viridis` by default; `.coolwarm`/`.rdBu` for signed data).
    ///   - annotate: writes each value in its cell with `format` (a printf format such as `"%.2f"`);
    ///     skipped when the cells are too small for the text.
    ///   - range: the values mapped to the colormap's ends; `nil` uses the data's min and max.
    ///   - colorbarLabel: text beside the colorbar.
    public func heatmap(_ matrix: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                        colormap: Colormap = .viridis, annotate: Bool = false, format: String = "%.2f",
                        range: ClosedRange<Double>? = nil, colorbarLabel: String? = nil) throws {
        let chart = "heatmap(_:rowLabels:columnLabels:)"
        let (rows, columns) = try Validate.matrix(matrix, chart: chart, argument: "matrix")
        if let rowLabels { try Validate.length(rowLabels.count, "rowLabels", equals: rows, "matrix rows", chart: chart) }
        if let columnLabels {
            try Validate.length(columnLabels.count, "columnLabels", equals: columns, "matrix columns", chart: chart)
        }
        let fmt = format.filter { $0 == "%" }.count == 1 && format.range(of: #"%[-+ 0#]*\d*(\.\d+)?[fgeFGE]"#, options: .regularExpression) != nil
        guard fmt else {
            throw PlotError.invalidArgument(operation: chart, message: "'format' must hold one floating-point conversion such as \"%.2f\", got \"\(format)\"")
        }
        if let range, !(range.lowerBound.isFinite && range.upperBound.isFinite) {
            throw PlotError.invalidArgument(operation: chart, message: "'range' must be finite, got \(range)")
        }
        let flat = matrix.flatMap { $0 }
        let (lo, hi) = Validate.extent(flat)
        add(HeatmapPlot(values: flat, rows: rows, columns: columns, rowLabels: rowLabels, columnLabels: columnLabels,
                        colormap: colormap, lower: range?.lowerBound ?? lo, upper: range?.upperBound ?? hi,
                        annotate: annotate, format: format, colorbarLabel: colorbarLabel))
    }
}
