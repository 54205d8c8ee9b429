import PlotKit
import RecommenderKit

/// A training history shows as a table, one row per epoch: the loss parts, the validation
/// metrics and the seconds taken, with the best epoch and why training stopped below it.
extension TrainingHistory: DisplayProvider {
    /// One row per epoch; the epoch whose weights were kept is marked `*`.
    public var displayTable: DisplayTable {
        let names = seriesNames
        let rows = epochs.map { record -> [String] in
            let values = names.map { name -> String in
                let prefix = "validation "
                let value = name.hasPrefix(prefix) ? record.validation[String(name.dropFirst(prefix.count))] : record.losses[name]
                return value.map { name.hasPrefix(prefix) ? DisplayNumber.metric($0) : DisplayNumber.value($0) } ?? ""
            }
            let mark = record.epoch == bestEpoch && epochs.count > 1 ? "*" : ""
            return ["\(record.epoch)\(mark)"] + values + [String(format: "%.2f", record.seconds)]
        }
        return DisplayTable(columns: ["epoch"] + names + ["seconds"], rows: rows)
    }

    /// The line under the table: the best epoch and how training ended, nil when there is
    /// nothing to say.
    public var outcomeText: String? {
        var parts: [String] = []
        if let best = bestEpoch {
            var text = "best epoch \(best)"
            if let value = bestValue { text += " (\(selectionMetric ?? "selection metric") \(DisplayNumber.metric(value)))" }
            parts.append(text)
        }
        switch stopReason {
        case .completed: break
        case let .earlyStopped(epoch): parts.append("stopped early after epoch \(epoch)")
        case let .cancelled(epoch, batch): parts.append("cancelled in epoch \(epoch) before batch \(batch)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        if epochs.isEmpty { return [.text("TrainingHistory (no epoch finished)\n")] }
        var items: [DisplayItem] = [.table(displayTable)]
        if let outcomeText { items.append(.text(outcomeText + "\n")) }
        return items
    }

    /// The training curves as a figure: the loss on the left, each validation metric on the
    /// right (one panel when there was no validation), per epoch.
    ///
    /// ```swift
    /// let history = try vae.fit(split.train, validation: task)
    /// history.plot()        // shown as a figure
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
