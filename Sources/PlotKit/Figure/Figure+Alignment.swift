/// Distances from a subplot's cell edges to its plot area.
struct Insets: Equatable {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0

    /// The insets of `area` inside `cell`.
    init(area: Rect, in cell: Rect) {
        left = area.minX - cell.minX; right = cell.maxX - area.maxX
        top = area.minY - cell.minY; bottom = cell.maxY - area.maxY
    }

    init() {}
}

/// Aligned subplots, as matplotlib's constrained layout: every plot area in a grid column
/// gets the same left and right edges, every one in a row the same top and bottom, so panels
/// compare at a glance although their tick labels, titles or colorbars differ in size.
extension Figure {
    /// The minimum insets each subplot's plot area must keep in its cell (`cells` in grid
    /// order): the largest inset any charted subplot of the same column (left, right) or row
    /// (top, bottom) needs on its own. Subplots without axes (pies) neither give nor take.
    func alignedInsets(cells: [Rect], canvas: Canvas) throws -> [Insets] {
        var own: [Insets?] = []
        for (axes, cell) in zip(grid, cells) {
            guard !axes.plots.isEmpty, !axes.hidesAxes else { own.append(nil); continue }
            own.append(Insets(area: try axes.layout(in: cell, canvas: canvas).area, in: cell))
        }
        var result = [Insets](repeating: Insets(), count: grid.count)
        for r in 0..<rows {
            for c in 0..<columns {
                let i = r * columns + c
                guard i < grid.count, own[i] != nil else { continue }
                let column = (0..<rows).compactMap { rr in rr * columns + c < own.count ? own[rr * columns + c] : nil }
                let row = (0..<columns).compactMap { cc in r * columns + cc < own.count ? own[r * columns + cc] : nil }
                result[i] = Insets()
                result[i].left = column.map(\.left).max() ?? 0
                result[i].right = column.map(\.right).max() ?? 0
                result[i].top = row.map(\.top).max() ?? 0
                result[i].bottom = row.map(\.bottom).max() ?? 0
            }
        }
        return result
    }
}
