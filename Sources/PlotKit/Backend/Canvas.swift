/// Horizontal anchor of a text run.
enum HAlign { case left, center, right }
/// Vertical anchor of a text run (`middle` centres the font's ascent + descent box).
enum VAlign { case top, middle, baseline, bottom }

/// A font request: size in logical pixels and weight.
struct Font: Hashable {
    var size: Double
    var bold = false
}

/// A raster of opaque `0x00RRGGBB` pixels, row-major, drawn scaled with nearest-neighbour filtering.
struct RasterImage {
    var width: Int, height: Int
    var pixels: [UInt32]
}

/// The whole backend contract: charts draw only through these calls, in logical pixels.
///
/// `CairoCanvas` renders them; `RecordingCanvas` logs them for tests.
protocol Canvas: AnyObject {
    /// Fills a rectangle.
    func fillRect(_ rect: Rect, color: Color)
    /// Strokes an open polyline as one path; `dash` empty is solid.
    func strokePolyline(_ points: [Point], color: Color, width: Double, dash: [Double])
    /// Fills a closed polygon, optionally stroking its outline.
    func fillPolygon(_ points: [Point], color: Color, edge: Color?, edgeWidth: Double)
    /// Fills circles of one radius, one colour per centre, with an optional edge.
    func fillCircles(_ centers: [Point], radius: Double, colors: [Color], edge: Color?)
    /// Fills a pie wedge from `start` to `end` radians (clockwise from 3 o'clock, y down).
    func fillWedge(center: Point, radius: Double, start: Double, end: Double, color: Color, edge: Color?)
    /// Draws text anchored at `point`, rotated by `angle` radians (counter-clockwise) about it.
    func drawText(_ text: String, at point: Point, font: Font, color: Color, h: HAlign, v: VAlign, angle: Double)
    /// Measures text: advance width and the font's line height (ascent + descent).
    func measure(_ text: String, font: Font) -> Size
    /// Draws a raster scaled into `rect` with nearest-neighbour filtering.
    func drawImage(_ image: RasterImage, in rect: Rect)
    /// Restricts drawing to `rect` until the matching `popClip()`.
    func pushClip(_ rect: Rect)
    func popClip()
    /// Whether rasters should keep the data's full resolution (vector output, which a
    /// viewer may zoom) rather than be reduced to the device pixels they cover.
    var keepsFullResolution: Bool { get }
}

extension Canvas {
    var keepsFullResolution: Bool { false }
}
