import Foundation

/// A pie: wedges clockwise from 12 o'clock, labels outside (spread apart so they never overlap),
/// percentages inside wedges of at least 4%.
struct PiePlot: Plottable {
    let values: [Double]
    let labels: [String]
    let colors: [Color]
    let percentages: Bool

    var xNeed: AxisNeed { .none }
    func yNeed(_ kind: ScaleKind) -> AxisNeed { .none }
    var minimumY: Double? { nil }
    var hidesAxes: Bool { true }

    func draw(_ ctx: PlotContext) {
        let font = Font(size: ctx.theme.tickFontSize)
        let c = ctx.canvas
        let lineH = c.measure("0", font: font).height
        let labelW = labels.map { c.measure($0, font: font).width }.max() ?? 0
        let a = ctx.area
        let radius = max(10, min((a.width - 2 * labelW - 40) / 2, (a.height - 2 * lineH - 24) / 2 * 0.92))
        let center = Point(x: a.midX, y: a.midY)
        let total = values.reduce(0, +)
        var angle = -Double.pi / 2
        var placed: [(y: Double, x: Double, right: Bool, i: Int, anchor: Point)] = []
        for (i, v) in values.enumerated() {
            let sweep = v / total * 2 * Double.pi
            c.fillWedge(center: center, radius: radius, start: angle, end: angle + sweep, color: colors[i], edge: nil)
            let mid = angle + sweep / 2
            if percentages, v / total >= 0.04 {
                let p = Point(x: center.x + cos(mid) * radius * 0.7, y: center.y + sin(mid) * radius * 0.7)
                c.drawText(String(format: "%.1f%%", v / total * 100), at: p, font: Font(size: font.size * 0.9),
                           color: colors[i].luminance < 0.5 ? .white : ctx.theme.textColor, h: .center, v: .middle, angle: 0)
            }
            let anchor = Point(x: center.x + cos(mid) * radius, y: center.y + sin(mid) * radius)
            placed.append((center.y + sin(mid) * radius * 1.12, center.x + cos(mid) * radius * 1.12, cos(mid) >= 0, i, anchor))
            angle += sweep
        }
        // White separators as radial lines: one cheap stroke instead of stroking every wedge outline.
        if values.count > 1 {
            var a0 = -Double.pi / 2
            for v in values where v > 0 {
                c.strokePolyline([center, Point(x: center.x + cos(a0) * radius, y: center.y + sin(a0) * radius)],
                                 color: ctx.theme.patchEdge, width: 1.5, dash: [])
                a0 += v / total * 2 * Double.pi
            }
        }
        for right in [true, false] {
            var side = placed.filter { $0.right == right }.sorted { $0.y < $1.y }
            let gap = lineH * 1.05
            if let first = side.first, first.y < a.minY + lineH / 2 { side[0].y = a.minY + lineH / 2 }
            for k in side.indices.dropFirst() where side[k].y < side[k - 1].y + gap { side[k].y = side[k - 1].y + gap }
            if let last = side.last, last.y > a.maxY - lineH / 2 {
                let shift = last.y - (a.maxY - lineH / 2)
                for k in side.indices { side[k].y -= shift }
                for k in side.indices.reversed().dropFirst() where side[k].y > side[k + 1].y - gap { side[k].y = side[k + 1].y - gap }
            }
            for s in side {
                let dy = s.y - center.y
                let dx = sqrt(max(0, (radius * 1.12) * (radius * 1.12) - dy * dy))
                let x = abs(dy) < radius * 1.12 ? center.x + (right ? dx : -dx) : s.x
                let tx = right ? max(x, center.x + 8) : min(x, center.x - 8)
                if abs(s.y - placed[s.i].y) > 1 || abs(tx - placed[s.i].x) > 1 {
                    c.strokePolyline([s.anchor, Point(x: tx, y: s.y)], color: ctx.theme.textColor.withAlpha(0.5), width: 0.8, dash: [])
                }
                c.drawText(labels[s.i], at: Point(x: tx + (right ? 3 : -3), y: s.y), font: font, color: ctx.theme.textColor,
                           h: right ? .left : .right, v: .middle, angle: 0)
            }
        }
    }
}

extension Axes {
    /// Adds a pie chart (the axes are hidden).
    /// - Parameters:
    ///   - values: wedge sizes, each >= 0, summing to more than 0.
    ///   - labels: one label per wedge.
    ///   - percentages: writes each wedge's share inside it (wedges of 4% or more).
    public func pie(_ values: [Double], labels: [String], percentages: Bool = true) throws {
        let chart = "pie(_:labels:)"
        try Validate.finite(values, chart: chart, argument: "values")
        try Validate.length(labels.count, "labels", equals: values.count, "values", chart: chart)
        if let i = values.firstIndex(where: { $0 < 0 }) {
            throw PlotError.invalidArgument(operation: chart, message: "'values' must be >= 0, but element \(i) is \(values[i])")
        }
        guard values.reduce(0, +) > 0 else {
            throw PlotError.invalidArgument(operation: chart, message: "'values' must sum to more than 0")
        }
        add(PiePlot(values: values, labels: labels, colors: nextColors(values.count), percentages: percentages))
    }
}
