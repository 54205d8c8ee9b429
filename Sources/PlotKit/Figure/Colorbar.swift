/// The colour scale drawn beside a heatmap or a value-coloured scatter.
enum Colorbar {
    static func draw(_ spec: ColorbarSpec, in rect: Rect, ticks: [Tick], axes: Axes, canvas: Canvas) {
        let lut = spec.colormap.lookupTable()
        canvas.drawImage(RasterImage(width: 1, height: 256, pixels: lut.reversed()), in: rect)
        if let edge = axes.theme.spineColor {
            canvas.strokePolyline(Legend.corners(rect) + [Point(x: rect.minX, y: rect.minY)], color: edge, width: 0.8, dash: [])
        }
        let span = spec.upper - spec.lower
        var maxW = 0.0
        for t in ticks {
            let y = span > 0 ? rect.maxY - (t.value - spec.lower) / span * rect.height : rect.midY
            canvas.strokePolyline([Point(x: rect.maxX, y: y), Point(x: rect.maxX + 3, y: y)], color: axes.theme.textColor,
                                  width: 0.8, dash: [])
            canvas.drawText(t.label, at: Point(x: rect.maxX + 5, y: y), font: axes.tickFont, color: axes.theme.textColor,
                            h: .left, v: .middle, angle: 0)
            maxW = max(maxW, canvas.measure(t.label, font: axes.tickFont).width)
        }
        if let label = spec.label {
            canvas.drawText(label, at: Point(x: rect.maxX + 5 + maxW + 8, y: rect.midY), font: axes.labelFont,
                            color: axes.theme.textColor, h: .center, v: .top, angle: Double.pi / 2)
        }
    }
}
