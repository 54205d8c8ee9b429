/// The look of a figure: colours, palette, font and sizes (in logical pixels).
public struct Theme: Sendable {
    /// Figure background.
    public var background: Color
    /// Background of each plot area.
    public var plotBackground: Color
    /// Grid line colour and width; `gridWidth` 0 hides the grid.
    public var gridColor: Color
    public var gridWidth: Double
    /// Axis spines (the frame around the plot area); `nil` draws none.
    public var spineColor: Color?
    /// Colour of titles, labels and tick labels.
    public var textColor: Color
    /// Colours given to series in order (cycled).
    public var palette: [Color]
    /// Font family used through Cairo (fontconfig name).
    public var fontFamily: String
    /// Font sizes in logical pixels.
    public var tickFontSize: Double, labelFontSize: Double, titleFontSize: Double, figureTitleFontSize: Double
    /// Line width of series and of tick marks.
    public var lineWidth: Double
    /// Length of tick marks (0 for none, as seaborn's darkgrid).
    public var tickLength: Double
    /// Edge colour drawn around bars and wedges.
    public var patchEdge: Color

    /// Close to seaborn's default (`darkgrid`, `deep` palette): grey-blue plot area, white grid, no spines.
    public static let seaborn = Theme(
        background: .white, plotBackground: Color(hex: 0xEAEAF2), gridColor: .white, gridWidth: 1,
        spineColor: nil, textColor: Color(hex: 0x262626),
        palette: [0x4C72B0, 0xDD8452, 0x55A868, 0xC44E52, 0x8172B3, 0x937860, 0xDA8BC3, 0x8C8C8C,
                  0xCCB974, 0x64B5CD].map { Color(hex: $0) },
        fontFamily: "DejaVu Sans", tickFontSize: 12, labelFontSize: 13, titleFontSize: 14.5,
        figureTitleFontSize: 16.5, lineWidth: 2, tickLength: 0, patchEdge: .white)

    /// A plain white theme: white plot area, light grey grid, grey frame, matplotlib's `tab10` palette.
    public static let white = Theme(
        background: .white, plotBackground: .white, gridColor: Color(hex: 0xE5E5E5), gridWidth: 0.8,
        spineColor: Color(hex: 0x555555), textColor: Color(hex: 0x222222),
        palette: [0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F,
                  0xBCBD22, 0x17BECF].map { Color(hex: $0) },
        fontFamily: "DejaVu Sans", tickFontSize: 12, labelFontSize: 13, titleFontSize: 14.5,
        figureTitleFontSize: 16.5, lineWidth: 1.8, tickLength: 4, patchEdge: .white)

    /// The palette colour for series number `index` (cycled).
    public func color(_ index: Int) -> Color {
        palette.isEmpty ? .black : palette[((index % palette.count) + palette.count) % palette.count]
    }
}
