import PlotKit
import RecommenderKit

extension TrainingHistory {
    /// The training curves as a figure: the loss on the left, each validation metric on the
    /// right (one panel when there was no validation), per epoch.
    ///
    /// ```swift
    /// let history = try vae.fit(split.train, validation: task)
    /// try history.plot()    // shown as a figure
    /// ```
    public func plot(width: Int = 800, height: Int = 350, title: String? = nil) throws -> Figure {
        let x = epochs.map { Double($0.epoch) }
        let losses = seriesNames.filter { !$0.hasPrefix("validation ") && $0 != "beta" }
        let metrics = seriesNames.filter { $0.hasPrefix("validation ") }
        let figure = Figure(width: width, height: height, title: title, rows: 1, columns: metrics.isEmpty ? 1 : 2)
        guard !x.isEmpty else { return figure }
        let lossAxes = figure.axes
        for name in losses {
            let y = self[name]
            if y.count == x.count && y.allSatisfy(\.isFinite) { try lossAxes.line(y, x: x, label: name, marker: x.count < 30) }
        }
        lossAxes.setTitle("Loss")
        lossAxes.xLabel("Epoch")
        lossAxes.yLabel("Training loss")
        if !metrics.isEmpty {
            let metricAxes = try figure.axes(row: 0, column: 1)
            for name in metrics {
                let y = self[name]
                if y.count == x.count && y.allSatisfy(\.isFinite) {
                    try metricAxes.line(y, x: x, label: String(name.dropFirst("validation ".count)), marker: x.count < 30)
                }
            }
            metricAxes.setTitle("Validation metrics")
            metricAxes.xLabel("Epoch")
            metricAxes.yLabel("Validation")
        }
        return figure
    }
}
