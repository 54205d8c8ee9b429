/// The range a chart needs on a continuous axis. A sticky end gets no margin (bars at 0).
/// `integral` marks whole-number data (counts), whose axis gets whole-number ticks.
struct Extent: Equatable {
    var lower: Double, upper: Double
    var stickyLower = false, stickyUpper = false
    var integral = false

    /// The smallest extent covering both (integral only when both are).
    func union(_ o: Extent) -> Extent {
        Extent(lower: min(lower, o.lower), upper: max(upper, o.upper),
               stickyLower: lower <= o.lower ? stickyLower : o.stickyLower,
               stickyUpper: upper >= o.upper ? stickyUpper : o.stickyUpper,
               integral: integral && o.integral)
    }
}

/// What a chart asks of one axis.
enum AxisNeed {
    case none
    case continuous(Extent)
    /// `count` categories centred on `i + 0.5`; `labels == nil` labels them by index.
    case band(count: Int, labels: [String]?)
}

/// One legend row.
struct LegendEntry: Equatable {
    enum Swatch: Equatable { case line(dashed: Bool, marker: Bool), patch, marker }
    var label: String
    var color: Color
    var swatch: Swatch
}

/// A colour scale shown beside the plot area.
struct ColorbarSpec: Equatable {
    var colormap: Colormap
    var lower: Double, upper: Double
    var label: String?
}

/// Everything a chart needs to draw itself: the canvas, the plot area and the two scales.
struct PlotContext {
    let canvas: Canvas
    let area: Rect
    let x: Scale
    let y: Scale
    let theme: Theme
    /// Device pixels per logical pixel (PNG `scale`; 1 for vector output).
    let pixelScale: Double
}

/// A chart kind: it states its data ranges, legend rows and colorbar, and draws through a context.
///
/// Charts validate their data when created, so drawing cannot fail.
protocol Plottable {
    /// The x axis this chart needs.
    var xNeed: AxisNeed { get }
    /// The y axis this chart needs on a scale of `kind` (bars start at 0 only on a linear axis).
    func yNeed(_ kind: ScaleKind) -> AxisNeed
    /// Legend rows (empty when the chart has no label).
    var legendEntries: [LegendEntry] { get }
    /// A colorbar to show, if the chart maps values to colours.
    var colorbar: ColorbarSpec? { get }
    /// True for charts drawn without axes (pie).
    var hidesAxes: Bool { get }
    /// The smallest y value that must be > 0 on a log axis, if any.
    var minimumY: Double? { get }
    /// Draws into `ctx.area` (clipped there unless `hidesAxes`).
    func draw(_ ctx: PlotContext)
    /// Pixel rectangles the chart covers, used to keep the legend off the data.
    func footprint(_ ctx: PlotContext) -> [Rect]
}

extension Plottable {
    var legendEntries: [LegendEntry] { [] }
    var colorbar: ColorbarSpec? { nil }
    var hidesAxes: Bool { false }
    func footprint(_ ctx: PlotContext) -> [Rect] { [] }
}
