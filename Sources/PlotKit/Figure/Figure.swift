/// A figure: a size in pixels, an optional title, and a grid of `Axes` (subplots).
///
/// ```swift
/// let fig = Figure(width: 800, height: 450, title: "Models on ML-100K")
/// try fig.groupedBar([[0.91, 0.95], [0.72, 0.75]], groups: ["RMSE", "MAE"], series: ["VAE", "CF"])
/// try fig.save("figures/metrics.png")
/// ```
/// Chart methods on `Figure` draw into the first axes; `axes(row:column:)` reaches the others.
public final class Figure {
    /// Size in logical pixels (points for SVG and PDF).
    public let width: Int, height: Int
    /// Device pixels per logical pixel in PNG output (2 for high-DPI).
    public let scale: Double
    /// Title above all subplots.
    public var title: String?
    /// Grid shape.
    public let rows: Int, columns: Int
    /// The look of every subplot.
    public let theme: Theme
    /// Whether all subplots share one x domain (matplotlib's `sharex=True`).
    public let sharesX: Bool
    /// Whether all subplots share one y domain (matplotlib's `sharey=True`).
    public let sharesY: Bool
    let grid: [Axes]

    /// Creates a figure. Sizes outside 16...16384 pixels, a scale outside 0.1...8 or a grid
    /// outside 1...20 rows or columns are reported by `save`/`pngData` as `PlotError`.
    /// `sharesX` / `sharesY` give every subplot that draws axes the union of their x / y
    /// domains, so panels compare at a glance.
    public init(width: Int = 800, height: Int = 500, scale: Double = 1, title: String? = nil,
                rows: Int = 1, columns: Int = 1, theme: Theme = .seaborn,
                sharesX: Bool = false, sharesY: Bool = false) {
        self.width = width; self.height = height; self.scale = scale
        self.title = title; self.rows = rows; self.columns = columns; self.theme = theme
        self.sharesX = sharesX; self.sharesY = sharesY
        let cells = (1...20).contains(rows) && (1...20).contains(columns) ? rows * columns : 1
        grid = (0..<cells).map { _ in Axes(theme: theme) }
    }

    /// The first (top-left) subplot.
    public var axes: Axes { grid[0] }

    /// The subplot at `row`, `column` (both from 0).
    public func axes(row: Int, column: Int) throws -> Axes {
        guard (0..<rows).contains(row), (0..<columns).contains(column), row * columns + column < grid.count else {
            throw PlotError.invalidArgument(operation: "axes(row:column:)", message:
                "expected row in 0..<\(rows) and column in 0..<\(columns), got row \(row), column \(column)")
        }
        return grid[row * columns + column]
    }

    /// Throws when the figure's settings are out of range.
    func checkSettings(scale: Double? = nil) throws {
        let scale = scale ?? self.scale
        guard (16...16384).contains(width), (16...16384).contains(height) else {
            throw PlotError.invalidArgument(operation: "Figure(width:height:)", message:
                "width and height must be in 16...16384 pixels, got \(width) x \(height)")
        }
        guard scale.isFinite, (0.1...8).contains(scale), Double(width) * scale * Double(height) * scale <= 2.7e8 else {
            throw PlotError.invalidArgument(operation: "Figure(scale:)", message:
                "scale must be in 0.1...8 with at most 268 million device pixels, got \(scale)")
        }
        guard (1...20).contains(rows), (1...20).contains(columns) else {
            throw PlotError.invalidArgument(operation: "Figure(rows:columns:)", message:
                "rows and columns must be in 1...20, got \(rows) x \(columns)")
        }
    }

    /// Draws the whole figure onto `canvas` (logical pixels).
    func render(on canvas: Canvas, pixelScale: Double) throws {
        try checkSettings()
        let w = Double(width), h = Double(height)
        canvas.fillRect(Rect(x: 0, y: 0, width: w, height: h), color: theme.background)
        var top = 0.0
        if let title {
            let font = Font(size: theme.figureTitleFontSize, bold: true)
            canvas.drawText(title, at: Point(x: w / 2, y: 10), font: font, color: theme.textColor, h: .center, v: .top, angle: 0)
            top = 16 + canvas.measure(title, font: font).height
        }
        try shareDomains()
        let gap = 6.0
        let cw = (w - gap * Double(columns - 1)) / Double(columns)
        let ch = (h - top - gap * Double(rows - 1)) / Double(rows)
        var cells: [Rect] = []
        for r in 0..<rows {
            for c in 0..<columns {
                cells.append(Rect(x: Double(c) * (cw + gap), y: top + Double(r) * (ch + gap), width: cw, height: ch))
            }
        }
        let insets = grid.count > 1 ? try alignedInsets(cells: cells, canvas: canvas) : [Insets()]
        for (i, cell) in cells.enumerated() where i < grid.count {
            try grid[i].draw(in: cell, minimum: insets[i], canvas: canvas, pixelScale: pixelScale)
        }
    }
}
