import PlotKit
import ScriptKit

extension PlotKitBindings {
    /// `Color`, `Colormap` and `Theme`.
    static func registerStyles(in registry: Registry) {
        let color = registry.type("Color", doc: "An sRGB colour with straight (not premultiplied) alpha, each component in 0...1.")
        color.initializer("init(red: Double, green: Double, blue: Double, alpha: Double = 1)",
                          doc: "Creates a colour from components in 0...1 (values outside are clamped when drawn).") { args in
            Color(red: try args.get(0), green: try args.get(1), blue: try args.get(2), alpha: try args.get(3)).scriptValue
        }
        color.initializer("init(hex: UInt32, alpha: Double = 1)", doc: "Creates a colour from a 24-bit `0xRRGGBB` value.") { args in
            let hex = try Int.fromScript(args[0])
            guard let value = UInt32(exactly: hex) else {
                throw BindingError("Color(hex:alpha:): expected hex in 0...0xFFFFFFFF, got \(hex)")
            }
            return Color(hex: value, alpha: try args.get(1)).scriptValue
        }
        color.field("red: Double", \Color.red, doc: "Red component in 0...1.")
        color.field("green: Double", \Color.green, doc: "Green component in 0...1.")
        color.field("blue: Double", \Color.blue, doc: "Blue component in 0...1.")
        color.field("alpha: Double", \Color.alpha, doc: "Alpha (opacity) in 0...1.")
        color.readOnly("luminance: Double", \Color.luminance, doc: "Relative luminance (Rec. 709 weights), used to pick readable text on a fill.")
        color.method("withAlpha(_ a: Double) -> Color", doc: "The same colour with another alpha.") { this, args in
            try Color.fromScript(this).withAlpha(try args.get(0)).scriptValue
        }
        color.method("mixed(with other: Color, _ t: Double) -> Color", doc: "Linear blend towards `other` by `t` in 0...1.") { this, args in
            try Color.fromScript(this).mixed(with: try args.get(0), try args.get(1)).scriptValue
        }
        color.staticProperty("white: Color", doc: "Opaque white.") { Color.white.scriptValue }
        color.staticProperty("black: Color", doc: "Opaque black.") { Color.black.scriptValue }
        color.staticProperty("clear: Color", doc: "Fully transparent.") { Color.clear.scriptValue }
        color.binaryOperator("==", doc: "The same components.") { a, b in
            .bool(a.host(Color.self) != nil && a.host(Color.self) == b.host(Color.self))
        }

        let colormap = registry.type("Colormap", doc: "A continuous colour scale: evenly spaced stops, linearly interpolated.")
        colormap.initializer("init(name: String, stops: [Color])", doc: "Creates a map from at least two stops.") { args in
            Colormap(name: try args.get(0), stops: try args.get(1)).scriptValue
        }
        colormap.readOnly("name: String", \Colormap.name, doc: "The map's name (matplotlib's spelling).")
        colormap.readOnly("stops: [Color]", \Colormap.stops, doc: "Evenly spaced colours from the low end to the high end.")
        colormap.method("color(at t: Double) -> Color", doc: "The colour at `t` in 0...1 (clamped; NaN maps to the low end).") { this, args in
            try Colormap.fromScript(this).color(at: try args.get(0)).scriptValue
        }
        colormap.method("reversed() -> Colormap", doc: "The same map running the other way, named with matplotlib's `_r` suffix.") { this, _ in
            try Colormap.fromScript(this).reversed().scriptValue
        }
        let maps: [(String, Colormap, String)] = [
            ("viridis", .viridis, "Perceptually uniform, dark blue to yellow (matplotlib's default)."),
            ("magma", .magma, "Perceptually uniform, black to light yellow."),
            ("cividis", .cividis, "Perceptually uniform and colour-vision-deficiency friendly, blue to yellow."),
            ("coolwarm", .coolwarm, "Diverging blue (low) to red (high), grey in the middle."),
            ("rdBu", .rdBu, "Diverging red (low) to blue (high), white in the middle; `rdBu.reversed()` is `RdBu_r`."),
            ("blues", .blues, "Sequential white to blue."),
        ]
        for (name, map, doc) in maps {
            colormap.staticProperty("\(name): Colormap", doc: doc) { map.scriptValue }
        }

        let theme = registry.type("Theme", doc: "The look of a figure: colours, palette, font and sizes (in logical pixels).")
        theme.field("background: Color", \Theme.background, doc: "Figure background.")
        theme.field("plotBackground: Color", \Theme.plotBackground, doc: "Background of each plot area.")
        theme.field("gridColor: Color", \Theme.gridColor, doc: "Grid line colour.")
        theme.field("gridWidth: Double", \Theme.gridWidth, doc: "Grid line width; 0 hides the grid.")
        theme.field("spineColor: Color?", \Theme.spineColor, doc: "Axis spines (the frame around the plot area); `nil` draws none.")
        theme.field("textColor: Color", \Theme.textColor, doc: "Colour of titles, labels and tick labels.")
        theme.field("palette: [Color]", \Theme.palette, doc: "Colours given to series in order (cycled).")
        theme.field("fontFamily: String", \Theme.fontFamily, doc: "Font family used through Cairo (fontconfig name).")
        theme.field("tickFontSize: Double", \Theme.tickFontSize, doc: "Tick label font size in logical pixels.")
        theme.field("labelFontSize: Double", \Theme.labelFontSize, doc: "Axis label font size in logical pixels.")
        theme.field("titleFontSize: Double", \Theme.titleFontSize, doc: "Subplot title font size in logical pixels.")
        theme.field("figureTitleFontSize: Double", \Theme.figureTitleFontSize, doc: "Figure title font size in logical pixels.")
        theme.field("lineWidth: Double", \Theme.lineWidth, doc: "Line width of series and of tick marks.")
        theme.field("tickLength: Double", \Theme.tickLength, doc: "Length of tick marks (0 for none, as seaborn's darkgrid).")
        theme.field("patchEdge: Color", \Theme.patchEdge, doc: "Edge colour drawn around bars and wedges.")
        theme.method("color(_ index: Int) -> Color", doc: "The palette colour for series number `index` (cycled).") { this, args in
            try Theme.fromScript(this).color(try args.get(0)).scriptValue
        }
        theme.staticProperty("seaborn: Theme", doc: "Close to seaborn's default (`darkgrid`, `deep` palette): grey-blue plot area, white grid, no spines.") {
            Theme.seaborn.scriptValue
        }
        theme.staticProperty("white: Theme", doc: "A plain white theme: white plot area, light grey grid, grey frame, matplotlib's `tab10` palette.") {
            Theme.white.scriptValue
        }
    }
}
