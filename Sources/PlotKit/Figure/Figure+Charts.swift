/// Chart and label methods on `Figure` draw into the first axes (`figure.axes`).
extension Figure {
    /// See `Axes.line(_:x:label:std:color:marker:dashed:)`.
    public func line(_ y: [Double], x: [Double]? = nil, label: String? = nil, std: [Double]? = nil,
                     color: Color? = nil, marker: Bool = false, dashed: Bool = false) throws {
        try axes.line(y, x: x, label: label, std: std, color: color, marker: marker, dashed: dashed)
    }

    /// See `Axes.bar(_:labels:horizontal:valueLabels:color:label:)`.
    public func bar(_ values: [Double], labels: [String], horizontal: Bool = false, valueLabels: Bool = false,
                    color: Color? = nil, label: String? = nil) throws {
        try axes.bar(values, labels: labels, horizontal: horizontal, valueLabels: valueLabels, color: color, label: label)
    }

    /// See `Axes.groupedBar(_:groups:series:valueLabels:)`.
    public func groupedBar(_ values: [[Double]], groups: [String], series: [String], valueLabels: Bool = false) throws {
        try axes.groupedBar(values, groups: groups, series: series, valueLabels: valueLabels)
    }

    /// See `Axes.histogram(_:bins:range:density:color:label:)`.
    public func histogram(_ values: [Double], bins: Int? = nil, range: ClosedRange<Double>? = nil,
                          density: Bool = false, color: Color? = nil, label: String? = nil) throws {
        try axes.histogram(values, bins: bins, range: range, density: density, color: color, label: label)
    }

    /// See `Axes.pie(_:labels:percentages:)`.
    public func pie(_ values: [Double], labels: [String], percentages: Bool = true) throws {
        try axes.pie(values, labels: labels, percentages: percentages)
    }

    /// See `Axes.heatmap(_:rowLabels:columnLabels:colormap:annotate:format:range:colorbarLabel:)`.
    public func heatmap(_ matrix: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                        colormap: Colormap = .viridis, annotate: Bool = false, format: String = "%.2f",
                        range: ClosedRange<Double>? = nil, colorbarLabel: String? = nil) throws {
        try axes.heatmap(matrix, rowLabels: rowLabels, columnLabels: columnLabels, colormap: colormap,
                         annotate: annotate, format: format, range: range, colorbarLabel: colorbarLabel)
    }

    /// See `Axes.scatter(x:y:categories:values:size:colormap:colorbarLabel:label:)`.
    public func scatter(x: [Double], y: [Double], categories: [String]? = nil, values: [Double]? = nil,
                        size: Double = 4, colormap: Colormap = .viridis, colorbarLabel: String? = nil,
                        label: String? = nil) throws {
        try axes.scatter(x: x, y: y, categories: categories, values: values, size: size, colormap: colormap,
                         colorbarLabel: colorbarLabel, label: label)
    }

    /// See `Axes.errorBars(_:errors:x:label:color:connect:)`.
    public func errorBars(_ y: [Double], errors: [Double], x: [Double]? = nil, label: String? = nil,
                          color: Color? = nil, connect: Bool = true) throws {
        try axes.errorBars(y, errors: errors, x: x, label: label, color: color, connect: connect)
    }

    /// Sets the first axes' title (the figure's own title is `title`).
    public func setTitle(_ text: String) { axes.setTitle(text) }
    /// Sets the first axes' x label.
    public func xLabel(_ text: String) { axes.xLabel(text) }
    /// Sets the first axes' y label.
    public func yLabel(_ text: String) { axes.yLabel(text) }
    /// Sets the first axes' y scale.
    public func yScale(_ kind: ScaleKind) { axes.yScale(kind) }
    /// Shows or hides the first axes' grid (and its minor lines on a log axis).
    public func grid(_ visible: Bool, minor: Bool = false) { axes.grid(visible, minor: minor) }
    /// Places the first axes' legend.
    public func legend(position: LegendPosition) { axes.legend(position: position) }
}
