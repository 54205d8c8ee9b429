import PlotKit
import ScriptKit

extension PlotKitBindings {
    /// The three `Figure` initializers (pixels, inches, points), each in two overloads: without
    /// `theme:` (Swift's default `.seaborn`) and with it.
    static func addFigureInitializers(to type: TypeBinding) {
        let tail = "scale: Double = 1, title: String? = nil, rows: Int = 1, columns: Int = 1"
        let shares = "sharesX: Bool = false, sharesY: Bool = false"
        let sizes: [(head: String, doc: String, make: (Arguments, Theme) throws -> Figure)] = [
            ("width: Int = 800, height: Int = 500", "Creates a figure of `width` x `height` logical pixels with a grid of `rows` x `columns` subplots.", { args, theme in
                Figure(width: try args.get(0), height: try args.get(1), scale: try args.get(2), title: try args.get(3), rows: try args.get(4),
                       columns: try args.get(5), theme: theme, sharesX: try args.get(args.count - 2), sharesY: try args.get(args.count - 1))
            }),
            ("inches width: Double, _ height: Double", "A figure sized in inches, as matplotlib's `figsize` (100 logical pixels per inch).", { args, theme in
                Figure(inches: try args.get(0), try args.get(1), scale: try args.get(2), title: try args.get(3), rows: try args.get(4),
                       columns: try args.get(5), theme: theme, sharesX: try args.get(args.count - 2), sharesY: try args.get(args.count - 1))
            }),
            ("points width: Double, _ height: Double", "A figure sized in points (1/72 inch) for SVG and PDF output.", { args, theme in
                Figure(points: try args.get(0), try args.get(1), scale: try args.get(2), title: try args.get(3), rows: try args.get(4),
                       columns: try args.get(5), theme: theme, sharesX: try args.get(args.count - 2), sharesY: try args.get(args.count - 1))
            }),
        ]
        for size in sizes {
            let make = size.make
            type.initializer("init(\(size.head), \(tail), \(shares))", doc: size.doc + " Theme: seaborn.") { args in
                try make(args, .seaborn).scriptValue
            }
            type.initializer("init(\(size.head), \(tail), theme: Theme, \(shares))", doc: size.doc) { args in
                try make(args, try args.get(6)).scriptValue
            }
        }
    }

    /// `Figure`: size, title, subplots, theme, charts on the first axes, and output.
    static func registerFigure(in registry: Registry) {
        let type = registry.type("Figure", doc: "A figure: a size in pixels, an optional title, and a grid of `Axes` (subplots); shown inline in reports.")
            .referenceType()
        addFigureInitializers(to: type)
        type.readOnly("width: Int", \Figure.width, doc: "Width in logical pixels (points for SVG and PDF).")
        type.readOnly("height: Int", \Figure.height, doc: "Height in logical pixels (points for SVG and PDF).")
        type.readOnly("scale: Double", \Figure.scale, doc: "Device pixels per logical pixel in PNG output (2 for high-DPI).")
        type.field("title: String?", \Figure.title, doc: "Title above all subplots.")
        type.readOnly("rows: Int", \Figure.rows, doc: "Rows of the subplot grid.")
        type.readOnly("columns: Int", \Figure.columns, doc: "Columns of the subplot grid.")
        type.readOnly("theme: Theme", \Figure.theme, doc: "The look of every subplot.")
        type.readOnly("sharesX: Bool", \Figure.sharesX, doc: "Whether all subplots share one x domain (matplotlib's `sharex=True`).")
        type.readOnly("sharesY: Bool", \Figure.sharesY, doc: "Whether all subplots share one y domain (matplotlib's `sharey=True`).")
        type.readOnly("axes: Axes", \Figure.axes, doc: "The first (top-left) subplot.")
        type.method("axes(row: Int, column: Int) throws -> Axes", doc: "The subplot at `row`, `column` (both from 0).") { this, args in
            try Figure.fromScript(this).axes(row: try args.get(0), column: try args.get(1)).scriptValue
        }
        type.staticProperty("pixelsPerInch: Double", doc: "Logical pixels per inch.") { .double(Figure.pixelsPerInch) }
        type.staticProperty("pointsPerPixel: Double", doc: "Points (1/72 inch) per logical pixel in SVG and PDF output: 0.72.") { .double(Figure.pointsPerPixel) }
        type.property("sizeInInches: (width: Double, height: Double)", doc: "The size in inches (also the printed size of the PNG at 100 pixels per inch and `scale` 1).") { this in
            let s = try Figure.fromScript(this).sizeInInches
            return .tuple([.double(s.width), .double(s.height)], labels: ["width", "height"])
        }
        type.property("sizeInPoints: (width: Double, height: Double)", doc: "The size of the SVG or PDF page in points.") { this in
            let s = try Figure.fromScript(this).sizeInPoints
            return .tuple([.double(s.width), .double(s.height)], labels: ["width", "height"])
        }
        addChartRows(to: type, firstAxes: true) { try Figure.fromScript($0).axes }
        let bytes: ([UInt8]) -> Value = { .array($0.map { .int(Int($0)) }) }
        type.method("pngData(scale: Double? = nil) throws -> [UInt8]", doc: "Renders the figure to PNG bytes, `width * scale` by `height * scale` pixels; `scale` defaults to the figure's own.") { this, args in
            bytes(try Figure.fromScript(this).pngData(scale: try args.get(0)))
        }
        type.method("svgData() throws -> [UInt8]", doc: "Renders the figure to SVG bytes, `sizeInPoints` in size (100 px = 72 pt).") { this, _ in
            bytes(try Figure.fromScript(this).svgData())
        }
        type.method("pdfData() throws -> [UInt8]", doc: "Renders the figure to PDF bytes, `sizeInPoints` in size (100 px = 72 pt).") { this, _ in
            bytes(try Figure.fromScript(this).pdfData())
        }
        type.method("save(_ path: String, scale: Double? = nil) throws", doc: "Renders and writes the figure atomically; the format comes from the extension (`.png`, `.svg`, `.pdf`).") { this, args in
            try Figure.fromScript(this).save(try args.get(0), scale: try args.get(1))
            return .void
        }
    }
}
