/// Where a legend goes. `best` picks the first inside corner that covers no data, else `outside`.
public enum LegendPosition: Sendable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight
    /// To the right of the plot area (the plot shrinks to make room).
    case outside
    /// No legend.
    case none
}

/// One subplot: a plot area with two axes, a title, labels, a legend and the charts drawn in it.
///
/// Chart methods (`line`, `bar`, `groupedBar`, `histogram`, `pie`, `heatmap`, `scatter`,
/// `errorBars`) validate their data and throw `PlotError` on NaN, infinite, empty or
/// mismatched input; nothing is drawn until the figure is saved or rendered.
public final class Axes {
    let theme: Theme
    var plots: [Plottable] = []
    var title: String?
    var xLabelText: String?
    var yLabelText: String?
    var yKind: ScaleKind = .linear
    var legendPosition: LegendPosition = .best
    var showsGrid = true
    var showsMinorGrid = false
    /// Domains imposed by the figure when subplots share an axis (nil: the charts decide).
    var sharedX: Scale?, sharedY: Scale?
    private var colorCursor = 0

    init(theme: Theme) { self.theme = theme }

    /// The next palette colour for a new series.
    func nextColor() -> Color {
        defer { colorCursor += 1 }
        return theme.color(colorCursor)
    }

    /// Palette colours for `n` new series.
    func nextColors(_ n: Int) -> [Color] { (0..<n).map { _ in nextColor() } }

    func add(_ plot: Plottable) { plots.append(plot) }

    /// Sets the title drawn above the plot area.
    public func setTitle(_ text: String) { title = text }
    /// Sets the x axis label.
    public func xLabel(_ text: String) { xLabelText = text }
    /// Sets the y axis label.
    public func yLabel(_ text: String) { yLabelText = text }
    /// Sets the y axis scale; `.log` needs every y value > 0 (checked when the figure renders).
    public func yScale(_ kind: ScaleKind) { yKind = kind }
    /// Places (or hides) the legend.
    public func legend(position: LegendPosition) { legendPosition = position }
    /// Shows or hides the grid lines; `minor: true` adds fainter lines at the minor ticks
    /// of a log axis (2, 3, ... 9 times each power of ten).
    public func grid(_ visible: Bool, minor: Bool = false) {
        showsGrid = visible
        showsMinorGrid = visible && minor
    }
}
