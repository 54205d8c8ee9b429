/// Legend measurement and drawing: one row per entry, a swatch then the label.
enum Legend {
    static let swatchWidth = 24.0
    static let inset = 8.0

    /// The box size for `entries`.
    static func size(_ entries: [LegendEntry], canvas: Canvas, font: Font) -> Size {
        guard !entries.isEmpty else { return Size(width: 0, height: 0) }
        let w = entries.map { canvas.measure($0.label, font: font).width }.max() ?? 0
        let row = canvas.measure("0", font: font).height * 1.35
        return Size(width: inset * 2 + swatchWidth + 8 + min(w, 260), height: inset * 2 + row * Double(entries.count))
    }

    /// Draws the legend box and its rows.
    static func draw(_ entries: [LegendEntry], in box: Rect, axes: Axes, canvas: Canvas) {
        let font = axes.tickFont
        let theme = axes.theme
        canvas.fillPolygon(corners(box), color: Color.white.withAlpha(0.85), edge: Color(hex: 0xCCCCCC), edgeWidth: 0.8)
        let row = canvas.measure("0", font: font).height * 1.35
        for (i, e) in entries.enumerated() {
            let cy = box.minY + inset + row * (Double(i) + 0.5)
            let x0 = box.minX + inset
            switch e.swatch {
            case .patch:
                canvas.fillRect(Rect(x: x0 + 4, y: cy - row * 0.32, width: swatchWidth - 8, height: row * 0.64), color: e.color)
            case .marker:
                canvas.fillCircles([Point(x: x0 + swatchWidth / 2, y: cy)], radius: 4.5, colors: [e.color], edge: nil)
            case .line(let dashed, let marker):
                canvas.strokePolyline([Point(x: x0, y: cy), Point(x: x0 + swatchWidth, y: cy)], color: e.color,
                                      width: theme.lineWidth, dash: dashed ? [6, 3] : [])
                if marker { canvas.fillCircles([Point(x: x0 + swatchWidth / 2, y: cy)], radius: 3.5, colors: [e.color], edge: nil) }
            }
            canvas.drawText(fit(e.label, width: 260, font: font, canvas: canvas), at: Point(x: x0 + swatchWidth + 8, y: cy),
                            font: font, color: theme.textColor, h: .left, v: .middle, angle: 0)
        }
    }

    static func corners(_ r: Rect) -> [Point] {
        [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.maxX, y: r.maxY), Point(x: r.minX, y: r.maxY)]
    }

    /// `text` shortened with an ellipsis to fit `width` pixels. Half a pixel of slack absorbs
    /// the rounding between a width measured for layout and the same width recomputed later.
    static func fit(_ text: String, width: Double, font: Font, canvas: Canvas) -> String {
        guard width > 0, canvas.measure(text, font: font).width > width + 0.5 else { return text }
        var chars = Array(text)
        while chars.count > 1 {
            chars.removeLast()
            let candidate = String(chars) + "…"
            if canvas.measure(candidate, font: font).width <= width { return candidate }
        }
        return "…"
    }
}
