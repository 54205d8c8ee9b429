import FileKit
import Foundation
import PlotKit
import ScriptKit

/// A PlotKit `Figure` held by a script value. Shown (as a cell's last value or with
/// `show`), it is written as a PNG beside the report and shown inline, at twice its pixel
/// density (at least) so that it stays sharp on high-DPI screens.
public final class FigureObject: NativeObject, DisplayProvider, CustomStringConvertible {
    /// The figure.
    public let figure: Figure
    public var typeName: String { "Figure" }
    /// Device pixels per figure pixel in the PNGs of reports.
    public static let reportScale = 2.0

    /// Boxes a figure.
    public init(_ figure: Figure) {
        self.figure = figure
    }

    public var description: String {
        "Figure(\(figure.width)x\(figure.height)\(figure.title.map { ", \"\($0)\"" } ?? ""))"
    }

    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        let path = (figuresDirectory as NSString).appendingPathComponent(name + ".png")
        try AtomicFile.createFolder(figuresDirectory)
        try figure.save(path, scale: max(figure.scale, FigureObject.reportScale))
        return [.image(DisplayImage(path: path, alt: figure.title ?? name, displaySize: (figure.width, figure.height)))]
    }
}

/// Registry rows for PlotKit: a figure with line, bar, scatter, histogram and heatmap charts,
/// axis labels, and `save`. Each row mirrors the Swift API of `Figure`.
enum PlotBindings {
    static func figure(_ v: Value) throws -> Figure {
        guard let f = v.native(as: FigureObject.self)?.figure else {
            throw BindingError("expected Figure, got \(v.typeName)")
        }
        return f
    }

    static func optionalString(_ args: Arguments, _ i: Int) -> String? {
        if case let .string(s)? = args.optional(i) { return s }
        return nil
    }

    static func optionalDoubles(_ args: Arguments, _ i: Int) -> [Double]? {
        args.optional(i) == nil ? nil : args.doubles(i)
    }

    /// Rows of numbers (the registry has already checked the element types).
    static func matrix(_ args: Arguments, _ i: Int) -> [[Double]] {
        args.array(i).map { row -> [Double] in
            guard case let .array(cells) = row else { return [] }
            return cells.map { v in
                switch v { case let .int(i): return Double(i); case let .double(d): return d; default: return .nan }
            }
        }
    }

    static func strings(_ args: Arguments, _ i: Int) -> [String] {
        args.array(i).map { v in if case let .string(s) = v { return s }; return v.description }
    }

    static func register(in registry: Registry) {
        let type = registry.type("Figure", doc: "A PlotKit figure drawn through Cairo; shown inline in reports.")
        type.initializer("init(width: Int = 800, height: Int = 500, title: String? = nil)",
                         doc: "A figure of the given size in pixels, with an optional title.") { args in
            .native(FigureObject(Figure(width: args.int(0), height: args.int(1), title: optionalString(args, 2))))
        }
        type.method("line(_ y: [Double], x: [Double]? = nil, label: String? = nil, marker: Bool = false, dashed: Bool = false) throws",
                    doc: "A line through the points (x defaults to 0, 1, 2, ...).") { this, args in
            try figure(this).line(args.doubles(0), x: optionalDoubles(args, 1), label: optionalString(args, 2),
                                  marker: args.bool(3), dashed: args.bool(4))
            return .void
        }
        type.method("bar(_ values: [Double], labels: [String], horizontal: Bool = false, valueLabels: Bool = false) throws",
                    doc: "One bar per value, labelled by category.") { this, args in
            try figure(this).bar(args.doubles(0), labels: strings(args, 1), horizontal: args.bool(2), valueLabels: args.bool(3))
            return .void
        }
        type.method("groupedBar(_ values: [[Double]], groups: [String], series: [String], valueLabels: Bool = false) throws",
                    doc: "Bars side by side: values[s][g] is series s in group g.") { this, args in
            try figure(this).groupedBar(matrix(args, 0), groups: strings(args, 1), series: strings(args, 2),
                                        valueLabels: args.bool(3))
            return .void
        }
        type.method("pie(_ values: [Double], labels: [String], percentages: Bool = true) throws",
                    doc: "Shares of a whole as wedges, optionally labelled with percentages.") { this, args in
            try figure(this).pie(args.doubles(0), labels: strings(args, 1), percentages: args.bool(2))
            return .void
        }
        type.method("scatter(x: [Double], y: [Double], label: String? = nil) throws",
                    doc: "A point at each (x, y).") { this, args in
            try figure(this).scatter(x: args.doubles(0), y: args.doubles(1), label: optionalString(args, 2))
            return .void
        }
        type.method("histogram(_ values: [Double], bins: Int = 10) throws",
                    doc: "The distribution of values in equal-width bins.") { this, args in
            try figure(this).histogram(args.doubles(0), bins: args.int(1))
            return .void
        }
        type.method("heatmap(_ matrix: [[Double]], annotate: Bool = false) throws",
                    doc: "A matrix as colored cells (viridis), optionally with the values written in.") { this, args in
            try figure(this).heatmap(matrix(args, 0), annotate: args.bool(1))
            return .void
        }
        type.method("xLabel(_ text: String)", doc: "Labels the x axis.") { this, args in
            try figure(this).xLabel(args.string(0)); return .void
        }
        type.method("yLabel(_ text: String)", doc: "Labels the y axis.") { this, args in
            try figure(this).yLabel(args.string(0)); return .void
        }
        type.method("setTitle(_ text: String)", doc: "Titles the plot area.") { this, args in
            try figure(this).setTitle(args.string(0)); return .void
        }
        type.method("save(_ path: String) throws", doc: "Writes the figure as PNG, SVG or PDF (by extension), atomically.") { this, args in
            let path = args.string(0)
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try AtomicFile.createFolder(folder) }
            try figure(this).save(path)
            return .void
        }
        type.property("width: Int", doc: "Width in pixels.") { this in .int(try figure(this).width) }
        type.property("height: Int", doc: "Height in pixels.") { this in .int(try figure(this).height) }
    }
}
