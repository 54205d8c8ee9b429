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
}
