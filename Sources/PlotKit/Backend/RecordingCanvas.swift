/// A canvas that records every draw call, for tests (gonum's `vg/recorder`).
///
/// Text is measured with a fixed advance of 0.6 x the font size per character.
final class RecordingCanvas: Canvas {
    /// One recorded call.
    enum Action: Equatable {
        case rect(Rect, Color)
        case polyline([Point], Color, width: Double, dash: [Double])
        case polygon([Point], Color)
        case circles([Point], radius: Double, colors: [Color])
        case wedge(center: Point, radius: Double, start: Double, end: Double, Color)
        case text(String, Point, size: Double, angle: Double)
        case image(width: Int, height: Int, Rect)
        case pushClip(Rect)
        case popClip
    }

    private(set) var actions: [Action] = []

    func fillRect(_ rect: Rect, color: Color) { actions.append(.rect(rect, color)) }
    func strokePolyline(_ points: [Point], color: Color, width: Double, dash: [Double]) {
        actions.append(.polyline(points, color, width: width, dash: dash))
    }
    func fillPolygon(_ points: [Point], color: Color, edge: Color?, edgeWidth: Double) {
        actions.append(.polygon(points, color))
    }
    func fillCircles(_ centers: [Point], radius: Double, colors: [Color], edge: Color?) {
        actions.append(.circles(centers, radius: radius, colors: colors))
    }
    func fillWedge(center: Point, radius: Double, start: Double, end: Double, color: Color, edge: Color?) {
        actions.append(.wedge(center: center, radius: radius, start: start, end: end, color))
    }
    func drawText(_ text: String, at point: Point, font: Font, color: Color, h: HAlign, v: VAlign, angle: Double) {
        actions.append(.text(text, point, size: font.size, angle: angle))
    }
    func measure(_ text: String, font: Font) -> Size {
        Size(width: Double(text.count) * font.size * 0.6, height: font.size * 1.17)
    }
    func drawImage(_ image: RasterImage, in rect: Rect) {
        actions.append(.image(width: image.width, height: image.height, rect))
    }
    func pushClip(_ rect: Rect) { actions.append(.pushClip(rect)) }
    func popClip() { actions.append(.popClip) }

    /// The strings of all recorded text calls, in order.
    var texts: [String] {
        actions.compactMap { if case .text(let s, _, _, _) = $0 { return s } else { return nil } }
    }
}
