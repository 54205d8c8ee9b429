import Foundation

extension Axes {
    /// Lays out and draws this Axes inside `cell`, its plot area at least `minimum` inside
    /// the cell's edges (to line up with the other subplots of its row and column).
    func draw(in cell: Rect, minimum: Insets = Insets(), canvas: Canvas, pixelScale: Double) throws {
        let l = try layout(in: cell, minimum: minimum, canvas: canvas)
        let a = l.area
        let ctx = PlotContext(canvas: canvas, area: a, x: l.x, y: l.y, theme: theme, pixelScale: pixelScale)
        let text = theme.textColor
        if hidesAxes {
            for p in plots { p.draw(ctx) }
            drawTitle(a, canvas: canvas)
            return
        }
        canvas.fillRect(a, color: theme.plotBackground)
        if showsGrid, theme.gridWidth > 0 { drawGrid(l, canvas: canvas) }
        canvas.pushClip(a)
        for p in plots { p.draw(ctx) }
        canvas.popClip()
        if let spine = theme.spineColor {
            canvas.strokePolyline([Point(x: a.minX, y: a.minY), Point(x: a.maxX, y: a.minY), Point(x: a.maxX, y: a.maxY),
                                   Point(x: a.minX, y: a.maxY), Point(x: a.minX, y: a.minY)],
                                  color: spine, width: 1, dash: [])
        }
        let tl = theme.tickLength
        for t in l.xTicks {
            let px = l.x.map(t.value)
            if tl > 0 { tickMark(Point(x: px, y: a.maxY), Point(x: px, y: a.maxY + tl), canvas) }
            let at = Point(x: px, y: a.maxY + tl + 5)
            if l.xTickAngle == 0 {
                canvas.drawText(t.label, at: at, font: tickFont, color: text, h: .center, v: .top, angle: 0)
            } else {
                canvas.drawText(t.label, at: at, font: tickFont, color: text, h: .right,
                                v: l.xTickAngle > 1 ? .middle : .top, angle: l.xTickAngle)
            }
        }
        let maxYW = a.minX - cell.minX - Axes.pad - (yLabelText != nil ? canvas.measure("0", font: labelFont).height + 6 : 0) - tl - 6
        if tl > 0 {
            for v in l.yMinorTicks {
                let py = l.y.map(v)
                tickMark(Point(x: a.minX - tl * 0.6, y: py), Point(x: a.minX, y: py), canvas)
            }
        }
        for t in l.yTicks {
            let py = l.y.map(t.value)
            if tl > 0 { tickMark(Point(x: a.minX - tl, y: py), Point(x: a.minX, y: py), canvas) }
            canvas.drawText(Legend.fit(t.label, width: maxYW, font: tickFont, canvas: canvas),
                            at: Point(x: a.minX - tl - 6, y: py), font: tickFont, color: text, h: .right, v: .middle, angle: 0)
        }
        if let xl = xLabelText {
            canvas.drawText(xl, at: Point(x: a.midX, y: cell.maxY - Axes.pad), font: labelFont, color: text,
                            h: .center, v: .bottom, angle: 0)
        }
        if let yl = yLabelText {
            canvas.drawText(yl, at: Point(x: cell.minX + Axes.pad, y: a.midY), font: labelFont, color: text,
                            h: .center, v: .top, angle: Double.pi / 2)
        }
        drawTitle(a, canvas: canvas)
        if let cbRect = l.colorbar, let spec = colorbarSpec {
            Colorbar.draw(spec, in: cbRect, ticks: l.colorbarTicks, axes: self, canvas: canvas)
        }
        if let box = l.legend { Legend.draw(legendEntries, in: box, axes: self, canvas: canvas) }
    }

    private func drawTitle(_ a: Rect, canvas: Canvas) {
        guard let title else { return }
        canvas.drawText(title, at: Point(x: a.midX, y: a.minY - 8), font: titleFont, color: theme.textColor,
                        h: .center, v: .bottom, angle: 0)
    }

    private func tickMark(_ p: Point, _ q: Point, _ canvas: Canvas) {
        canvas.strokePolyline([p, q], color: theme.spineColor ?? theme.textColor, width: 1, dash: [])
    }

    private func drawGrid(_ l: AxesLayout, canvas: Canvas) {
        let a = l.area
        if case .band = l.x.kind {} else {
            for t in l.xTicks {
                let px = l.x.map(t.value)
                canvas.strokePolyline([Point(x: px, y: a.minY), Point(x: px, y: a.maxY)], color: theme.gridColor,
                                      width: theme.gridWidth, dash: [])
            }
        }
        if showsMinorGrid {
            for v in l.yMinorTicks {
                let py = l.y.map(v)
                canvas.strokePolyline([Point(x: a.minX, y: py), Point(x: a.maxX, y: py)], color: theme.gridColor,
                                      width: theme.gridWidth * 0.5, dash: [])
            }
        }
        if case .band = l.y.kind {} else {
            for t in l.yTicks {
                let py = l.y.map(t.value)
                canvas.strokePolyline([Point(x: a.minX, y: py), Point(x: a.maxX, y: py)], color: theme.gridColor,
                                      width: theme.gridWidth, dash: [])
            }
        }
    }
}
