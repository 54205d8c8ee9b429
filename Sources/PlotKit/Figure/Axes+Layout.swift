import Foundation

/// The resolved geometry of one Axes: plot area, scales, ticks, legend and colorbar boxes.
struct AxesLayout {
    var area: Rect
    var x: Scale
    var y: Scale
    var xTicks: [Tick] = []
    var yTicks: [Tick] = []
    /// Minor tick values of a log y axis (2...9 times each power of ten).
    var yMinorTicks: [Double] = []
    /// Rotation of x tick labels in radians (0, pi/4 or pi/2).
    var xTickAngle: Double = 0
    var legend: Rect?
    var colorbar: Rect?
    var colorbarTicks: [Tick] = []
}

extension Axes {
    static let pad = 8.0

    var tickFont: Font { Font(size: theme.tickFontSize) }
    var labelFont: Font { Font(size: theme.labelFontSize) }
    var titleFont: Font { Font(size: theme.titleFontSize, bold: true) }
    var hidesAxes: Bool { !plots.isEmpty && plots.allSatisfy(\.hidesAxes) }
    var colorbarSpec: ColorbarSpec? { plots.lazy.compactMap(\.colorbar).first }
    var legendEntries: [LegendEntry] { plots.flatMap(\.legendEntries) }

    /// The x and y domains from the charts' needs, with 5% margins on non-sticky ends.
    func domains() throws -> (Scale, Scale) {
        let x = try scale(for: plots.map(\.xNeed), kind: .linear, axis: "x")
        let y = try scale(for: plots.map { $0.yNeed(yKind) }, kind: yKind, axis: "y")
        return (x, y)
    }

    private func scale(for needs: [AxisNeed], kind: ScaleKind, axis: String) throws -> Scale {
        var extent: Extent?
        var band: (Int, [String]?)?
        for need in needs {
            switch need {
            case .none: break
            case .continuous(let e): extent = extent.map { $0.union(e) } ?? e
            case .band(let n, let labels):
                if band == nil { band = (n, labels) }
                let e = Extent(lower: 0, upper: Double(n), stickyLower: true, stickyUpper: true)
                extent = extent.map { $0.union(e) } ?? e
            }
        }
        var e = extent ?? Extent(lower: 0, upper: 1)
        guard (e.upper - e.lower).isFinite else {
            throw PlotError.invalidArgument(operation: "\(axis) axis", message:
                "the values span \(e.lower) ... \(e.upper), wider than a Double can hold; rescale the data")
        }
        if kind == .log {
            let smallest = plots.compactMap(\.minimumY).min() ?? e.lower
            guard smallest > 0, e.lower > 0 else {
                throw PlotError.invalidArgument(operation: "yScale(.log)", message:
                    "a log axis needs every y value > 0, but the smallest is \(Ticks.format(min(smallest, e.lower), step: 1e-3))")
            }
            let lo = log10(e.lower), hi = log10(e.upper)
            let m = hi > lo ? (hi - lo) * 0.05 : 0.5
            return Scale(kind: .log, lower: pow(10, lo - m), upper: pow(10, hi + m))
        }
        if e.upper - e.lower <= 0 {
            let d = max(0.5, abs(e.lower) * 0.1)
            e = Extent(lower: e.lower - (e.stickyLower ? 0 : d), upper: e.upper + d)
        }
        let m = (e.upper - e.lower) * 0.05
        let lower = e.stickyLower ? e.lower : e.lower - m
        let upper = e.stickyUpper ? e.upper : e.upper + m
        if let (n, labels) = band, lower == 0, upper == Double(n) {
            return Scale(kind: .band(count: n, labels: labels), lower: lower, upper: upper)
        }
        return Scale(kind: .linear, lower: lower, upper: upper, integral: e.integral)
    }

    /// Lays the Axes out inside `cell`; the plot area keeps at least `minimum` from the
    /// cell's edges (subplot alignment).
    func layout(in cell: Rect, minimum: Insets = Insets(), canvas: Canvas) throws -> AxesLayout {
        var (x, y) = try domains()
        if let sharedX { x = sharedX }
        if let sharedY { y = sharedY }
        let pad = Axes.pad
        let tickH = canvas.measure("0", font: tickFont).height
        let labelH = canvas.measure("0", font: labelFont).height
        let top = max(cell.minY + minimum.top, cell.minY + pad + (title != nil ? canvas.measure("0", font: titleFont).height + 8 : 4))
        if hidesAxes {
            let area = Rect(x: cell.minX + pad, y: top, width: cell.width - 2 * pad, height: cell.maxY - pad - top)
            return AxesLayout(area: area, x: x, y: y)
        }
        let cb = colorbarSpec
        let entries = legendEntries
        let legendSize = Legend.size(entries, canvas: canvas, font: tickFont)
        var outside = legendPosition == .outside
        for attempt in 0..<2 {
            var right = pad
            var cbTicks: [Tick] = []
            if let cb {
                cbTicks = Ticks.linear(lower: cb.lower, upper: cb.upper, maxCount: max(2, Int(cell.height / 60)))
                let w = cbTicks.map { canvas.measure($0.label, font: tickFont).width }.max() ?? 0
                right += 12 + 16 + 5 + w + (cb.label != nil ? labelH + 8 : 0)
            }
            if outside, !entries.isEmpty { right += 12 + legendSize.width }
            right = max(right, minimum.right)
            var height = cell.height * 0.75
            var layout = AxesLayout(area: .init(x: 0, y: 0, width: 0, height: 0), x: x, y: y)
            for _ in 0..<2 {
                y.start = top + height; y.end = top
                if case .band = y.kind { swap(&y.start, &y.end) }
                let yTicks = ticks(for: y, length: height, vertical: true, canvas: canvas, spacing: tickH + 4)
                let maxYW = min(cell.width * 0.4, yTicks.map { canvas.measure($0.label, font: tickFont).width }.max() ?? 0)
                let left = max(cell.minX + minimum.left,
                               cell.minX + pad + (yLabelText != nil ? labelH + 6 : 0) + maxYW + theme.tickLength + 6)
                let width = max(10, cell.maxX - right - left)
                x.start = left; x.end = left + width
                let (xTicks, angle, xH) = xTickLayout(x, width: width, canvas: canvas, tickH: tickH)
                let bottom = max(minimum.bottom, xH + theme.tickLength + 6 + (xLabelText != nil ? labelH + 6 : 0) + pad)
                height = max(10, cell.maxY - bottom - top)
                y.start = top + height; y.end = top
                if case .band = y.kind { swap(&y.start, &y.end) }
                layout = AxesLayout(area: Rect(x: left, y: top, width: width, height: height), x: x, y: y,
                                    xTicks: xTicks, yTicks: yTicks, xTickAngle: angle)
            }
            layout.yTicks = ticks(for: y, length: height, vertical: true, canvas: canvas, spacing: tickH + 4)
            if y.kind == .log { layout.yMinorTicks = Ticks.logMinor(lower: y.lower, upper: y.upper) }
            let a = layout.area
            if let cb {
                layout.colorbar = Rect(x: a.maxX + 12, y: a.minY, width: 16, height: a.height)
                layout.colorbarTicks = cbTicks.filter { $0.value >= cb.lower - 1e-12 && $0.value <= cb.upper + 1e-12 }
            }
            guard !entries.isEmpty, legendPosition != .none else { return layout }
            if outside {
                let lx = a.maxX + 12 + (cb != nil ? right - pad - 12 - legendSize.width : 0)
                layout.legend = Rect(x: min(lx, cell.maxX - pad - legendSize.width), y: a.minY,
                                     width: legendSize.width, height: legendSize.height)
                return layout
            }
            // A legend too wide to sit beside the plot goes in the least covered corner instead.
            let roomOutside = legendSize.width + 12 < cell.width * 0.3
            if let box = placeLegend(legendSize, layout: layout, canvas: canvas, leastCovered: !roomOutside) {
                layout.legend = box
                return layout
            }
            if attempt == 0 { outside = true }
        }
        throw PlotError.backend(operation: "layout", message: "the legend could not be placed")
    }

    /// The inside legend box for the chosen corner, or nil when `best` finds every corner covering
    /// data (unless `leastCovered`, which then takes the corner covering the fewest marks).
    private func placeLegend(_ size: Size, layout: AxesLayout, canvas: Canvas, leastCovered: Bool) -> Rect? {
        let a = layout.area.insetBy(8)
        func corner(_ p: LegendPosition) -> Rect {
            switch p {
            case .upperLeft: return Rect(x: a.minX, y: a.minY, width: size.width, height: size.height)
            case .lowerLeft: return Rect(x: a.minX, y: a.maxY - size.height, width: size.width, height: size.height)
            case .lowerRight: return Rect(x: a.maxX - size.width, y: a.maxY - size.height, width: size.width, height: size.height)
            default: return Rect(x: a.maxX - size.width, y: a.minY, width: size.width, height: size.height)
            }
        }
        if legendPosition != .best { return corner(legendPosition) }
        let fits = size.width < a.width * 0.6 && size.height < a.height * 0.8
        guard fits || leastCovered else { return nil }
        let ctx = PlotContext(canvas: canvas, area: layout.area, x: layout.x, y: layout.y, theme: theme, pixelScale: 1)
        let covered = plots.flatMap { $0.footprint(ctx) }
        var best: (count: Int, box: Rect)?
        for p in [LegendPosition.upperRight, .upperLeft, .lowerRight, .lowerLeft] {
            let box = corner(p).insetBy(-3)
            let count = covered.reduce(0) { $0 + ($1.intersects(box) ? 1 : 0) }
            if count == 0 && fits { return corner(p) }
            if count < (best?.count ?? Int.max) { best = (count, corner(p)) }
        }
        return leastCovered ? best?.box : nil
    }

    /// Ticks for a y (or any) scale, spaced at least `spacing` pixels apart.
    func ticks(for s: Scale, length: Double, vertical: Bool, canvas: Canvas, spacing: Double) -> [Tick] {
        let maxCount = max(vertical ? 3 : 2, Int(length / max(spacing, vertical ? 40 : 70)))
        switch s.kind {
        case .log:
            return Ticks.log(lower: s.lower, upper: s.upper, maxCount: maxCount)
        case .linear:
            return Ticks.linear(lower: s.lower, upper: s.upper, maxCount: maxCount, integral: s.integral)
        case .band(let n, let labels):
            guard let labels else {
                let step = max(1, Ticks.step(lower: 0, upper: Double(n), maxCount: maxCount).rounded(.up))
                return stride(from: 0.0, to: Double(n), by: step).map { Tick(value: $0 + 0.5, label: String(Int($0))) }
            }
            let band = length / Double(max(1, n))
            let every = max(1, Int((spacing / max(band, 1e-9)).rounded(.up)))
            return stride(from: 0, to: n, by: every).map { Tick(value: Double($0) + 0.5, label: labels[$0]) }
        }
    }

    /// X ticks, their rotation and the height their labels take.
    private func xTickLayout(_ x: Scale, width: Double, canvas: Canvas, tickH: Double) -> ([Tick], Double, Double) {
        if case .band(let n, let labels?) = x.kind {
            let band = width / Double(max(1, n))
            let widths = labels.map { canvas.measure($0, font: tickFont).width }
            let maxW = min(widths.max() ?? 0, 180)
            if maxW + 8 <= band {
                return (ticks(for: x, length: width, vertical: false, canvas: canvas, spacing: 1), 0, tickH)
            }
            let angle = maxW > 120 ? Double.pi / 2 : Double.pi / 4
            let spacing = angle == Double.pi / 2 ? tickH + 2 : tickH * 1.45 + 2
            let t = ticks(for: x, length: width, vertical: false, canvas: canvas, spacing: spacing)
            return (t, angle, maxW * sin(angle) + tickH * cos(angle))
        }
        var maxCount = max(2, Int(width / 70))
        while true {
            var s = x
            s.start = 0; s.end = width
            let t = ticks(for: s, length: Double(maxCount) * 70, vertical: false, canvas: canvas, spacing: 70)
            let need = t.map { canvas.measure($0.label, font: tickFont).width + 12 }.reduce(0, +)
            if need <= width || maxCount <= 2 { return (t, 0, tickH) }
            maxCount -= 1
        }
    }
}
