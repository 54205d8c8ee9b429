import Foundation

/// A matrix drawn as coloured cells: row 0 at the top, with a colorbar.
///
/// The matrix is painted as one image, one pixel per cell, scaled with nearest-neighbour
/// filtering. When there are more cells than device pixels, blocks of cells are averaged
/// first, so a sparse 943 x 1682 rating matrix keeps its texture instead of dropping rows.
struct HeatmapPlot: Plottable {
    /// The rows (kept as given: no copy of a large matrix).
    let matrix: [[Double]]
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

    /// True when `format` holds exactly one printf conversion for a Double (`%.2f`, `%8.3g`, `%e`).
    static func isNumberFormat(_ format: String) -> Bool {
        let chars = Array(format.utf8)
        guard chars.filter({ $0 == UInt8(ascii: "%") }).count == 1, let p = chars.firstIndex(of: UInt8(ascii: "%")) else {
            return false
        }
        var i = p + 1
        while i < chars.count, "-+ 0#".utf8.contains(chars[i]) { i += 1 }
        while i < chars.count, (48...57).contains(chars[i]) { i += 1 }
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            while i < chars.count, (48...57).contains(chars[i]) { i += 1 }
        }
        return i < chars.count && "fFeEgG".utf8.contains(chars[i]) && i - p <= 8
    }

    /// Checks `matrix` (rectangular, non-empty, finite) in one pass without copying it,
    /// returning the shape and the extent.
    static func check(_ matrix: [[Double]], chart: String) throws -> (rows: Int, columns: Int, lower: Double, upper: Double) {
        guard let first = matrix.first, !first.isEmpty else { throw PlotError.empty(chart: chart, argument: "matrix") }
        let columns = first.count
        var lo = Double.infinity, hi = -Double.infinity
        for (r, row) in matrix.enumerated() {
            guard row.count == columns else {
                throw PlotError.lengthMismatch(chart: chart, expected: "every row of 'matrix' to have \(columns) values",
                                               got: "\(row.count) in row \(r)")
            }
            let (rowLo, rowHi, nonFinite) = row.withUnsafeBufferPointer(Self.extent)
            lo = min(lo, rowLo); hi = max(hi, rowHi)
            if nonFinite, let c = row.firstIndex(where: { !$0.isFinite }) {
                throw PlotError.invalidArgument(operation: chart, message:
                    "'matrix' must be finite numbers, but row \(r), column \(c) is NaN or infinite")
            }
        }
        return (matrix.count, columns, lo, hi)
    }

    /// Smallest and largest value of `v`, and whether any value is NaN or infinite.
    ///
    /// Four independent lanes and an integer test of the exponent bits keep the loop free
    /// of long floating-point dependency chains (a 943 x 1682 matrix takes well under 1 ms).
    static func extent(_ v: UnsafeBufferPointer<Double>) -> (Double, Double, Bool) {
        var lo = (Double.infinity, Double.infinity, Double.infinity, Double.infinity)
        var hi = (-Double.infinity, -Double.infinity, -Double.infinity, -Double.infinity)
        var nonFinite: UInt64 = 0
        let exponent: UInt64 = 0x7FF0_0000_0000_0000
        let n = v.count
        var i = 0
        while i + 4 <= n {
            let a = v[i], b = v[i + 1], c = v[i + 2], d = v[i + 3]
            lo.0 = a < lo.0 ? a : lo.0; lo.1 = b < lo.1 ? b : lo.1; lo.2 = c < lo.2 ? c : lo.2; lo.3 = d < lo.3 ? d : lo.3
            hi.0 = a > hi.0 ? a : hi.0; hi.1 = b > hi.1 ? b : hi.1; hi.2 = c > hi.2 ? c : hi.2; hi.3 = d > hi.3 ? d : hi.3
            nonFinite |= ((a.bitPattern & exponent) == exponent ? 1 : 0) | ((b.bitPattern & exponent) == exponent ? 1 : 0)
                | ((c.bitPattern & exponent) == exponent ? 1 : 0) | ((d.bitPattern & exponent) == exponent ? 1 : 0)
            i += 4
        }
        while i < n {
            let a = v[i]
            lo.0 = a < lo.0 ? a : lo.0; hi.0 = a > hi.0 ? a : hi.0
            nonFinite |= (a.bitPattern & exponent) == exponent ? 1 : 0
            i += 1
        }
        return (min(lo.0, lo.1, lo.2, lo.3), max(hi.0, hi.1, hi.2, hi.3), nonFinite != 0)
    }

    /// The raster: `outRows` x `outColumns` pixels, each the mean of its block of cells.
    func raster(outRows: Int, outColumns: Int) -> RasterImage {
        let lut = colormap.lookupTable()
        let span = upper > lower ? upper - lower : 1
        var pixels = [UInt32](repeating: 0, count: outRows * outColumns)
        let colStart = (0...outColumns).map { $0 * columns / outColumns }
        // Each block of source rows is first added up column by column (a loop the compiler
        // vectorizes), then each output row's columns are summed block by block.
        var rowSums = [Double](repeating: 0, count: columns)
        lut.withUnsafeBufferPointer { lut in
            pixels.withUnsafeMutableBufferPointer { out in
                rowSums.withUnsafeMutableBufferPointer { acc in
                    colStart.withUnsafeBufferPointer { colStart in
                        for r in 0..<outRows {
                            let r0 = r * rows / outRows, r1 = max(r0 + 1, (r + 1) * rows / outRows)
                            for cc in 0..<columns { acc[cc] = 0 }
                            for rr in r0..<r1 {
                                matrix[rr].withUnsafeBufferPointer { v in
                                    for cc in 0..<columns { acc[cc] += v[cc] }
                                }
                            }
                            for c in 0..<outColumns {
                                let c0 = colStart[c], c1 = max(c0 + 1, colStart[c + 1])
                                var sum = 0.0
                                for cc in c0..<c1 { sum += acc[cc] }
                                let x = (sum / Double((r1 - r0) * (c1 - c0)) - lower) / span
                                let t = x.isNaN ? 0 : min(max(x, 0), 1)
                                out[r * outColumns + c] = lut[Int(t * 255 + 0.5)]
                            }
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
        let full = ctx.canvas.keepsFullResolution
        ctx.canvas.drawImage(raster(outRows: full ? rows : min(rows, devH), outColumns: full ? columns : min(columns, devW)),
                             in: rect)
        guard annotate else { return }
        let cellW = rect.width / Double(columns), cellH = rect.height / Double(rows)
        let font = Font(size: min(ctx.theme.tickFontSize, cellH * 0.6))
        let sample = ctx.canvas.measure(String(format: format, upper), font: font)
        guard sample.width + 4 <= cellW, sample.height <= cellH, font.size >= 6 else { return }
        let span = upper > lower ? upper - lower : 1
        for r in 0..<rows {
            for c in 0..<columns {
                let v = matrix[r][c]
                let fill = colormap.color(at: (v - lower) / span)
                ctx.canvas.drawText(Ticks.withMinusSign(String(format: format, v)),
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
        let (rows, columns, lo, hi) = try HeatmapPlot.check(matrix, chart: chart)
        if let rowLabels { try Validate.length(rowLabels.count, "rowLabels", equals: rows, "matrix rows", chart: chart) }
        if let columnLabels {
            try Validate.length(columnLabels.count, "columnLabels", equals: columns, "matrix columns", chart: chart)
        }
        guard HeatmapPlot.isNumberFormat(format) else {
            throw PlotError.invalidArgument(operation: chart, message: "'format' must hold one floating-point conversion such as \"%.2f\", got \"\(format)\"")
        }
        if let range, !(range.lowerBound.isFinite && range.upperBound.isFinite) {
            throw PlotError.invalidArgument(operation: chart, message: "'range' must be finite, got \(range)")
        }
        add(HeatmapPlot(matrix: matrix, rows: rows, columns: columns, rowLabels: rowLabels, columnLabels: columnLabels,
                        colormap: colormap, lower: range?.lowerBound ?? lo, upper: range?.upperBound ?? hi,
                        annotate: annotate, format: format, colorbarLabel: colorbarLabel))
    }
}
