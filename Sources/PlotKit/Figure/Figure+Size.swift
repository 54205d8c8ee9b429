/// Physical sizes. A figure is laid out in logical pixels at 100 per inch (matplotlib's
/// default dpi), so in SVG and PDF 100 px become 72 pt (one inch): an 800 x 500 figure is
/// an 8 x 5 inch page, and text of 12 px prints at 8.64 pt. PNG keeps pixels (times `scale`).
extension Figure {
    /// Logical pixels per inch.
    public static let pixelsPerInch = 100.0
    /// Points (1/72 inch) per logical pixel in SVG and PDF output: 0.72.
    public static let pointsPerPixel = 72.0 / pixelsPerInch

    /// The size of the SVG or PDF page in points.
    public var sizeInPoints: (width: Double, height: Double) {
        (Double(width) * Figure.pointsPerPixel, Double(height) * Figure.pointsPerPixel)
    }

    /// The size in inches (also the printed size of the PNG at 100 pixels per inch and `scale` 1).
    public var sizeInInches: (width: Double, height: Double) {
        (Double(width) / Figure.pixelsPerInch, Double(height) / Figure.pixelsPerInch)
    }

    /// A figure sized in inches, as matplotlib's `figsize`: `Figure(inches: 3.5, 2.5)` fits a
    /// paper's column and its 12 px text prints at 8.6 pt. The other settings are those of
    /// `init(width:height:...)`.
    public convenience init(inches width: Double, _ height: Double, scale: Double = 1, title: String? = nil,
                            rows: Int = 1, columns: Int = 1, theme: Theme = .seaborn,
                            sharesX: Bool = false, sharesY: Bool = false) {
        self.init(width: Figure.pixels(width * Figure.pixelsPerInch), height: Figure.pixels(height * Figure.pixelsPerInch),
                  scale: scale, title: title, rows: rows, columns: columns, theme: theme, sharesX: sharesX, sharesY: sharesY)
    }

    /// A figure sized in points (1/72 inch) for SVG and PDF output.
    public convenience init(points width: Double, _ height: Double, scale: Double = 1, title: String? = nil,
                            rows: Int = 1, columns: Int = 1, theme: Theme = .seaborn,
                            sharesX: Bool = false, sharesY: Bool = false) {
        self.init(width: Figure.pixels(width / Figure.pointsPerPixel), height: Figure.pixels(height / Figure.pointsPerPixel),
                  scale: scale, title: title, rows: rows, columns: columns, theme: theme, sharesX: sharesX, sharesY: sharesY)
    }

    /// A whole number of pixels; non-finite or huge sizes become 0, which `save` reports.
    static func pixels(_ value: Double) -> Int {
        value.isFinite && abs(value) < 1e9 ? Int(value.rounded()) : 0
    }
}
