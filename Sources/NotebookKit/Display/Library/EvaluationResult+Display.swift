import RecommenderKit

/// An evaluation shows as a table: metric, mean, standard deviation, 95% confidence
/// interval of the mean, and the number of users averaged.
extension EvaluationResult: DisplayProvider {
    /// The result as a table (one row per metric).
    public var displayTable: DisplayTable {
        let rows = summaries.map { s -> [String] in
            let ci = s.confidenceInterval95
            let interval = ci.lower.isFinite ? "[\(DisplayNumber.metric(ci.lower)), \(DisplayNumber.metric(ci.upper))]" : ""
            return [s.label, DisplayNumber.metric(s.mean),
                    s.standardDeviation.isFinite ? DisplayNumber.metric(s.standardDeviation) : "",
                    interval, DisplayNumber.count(s.count)]
        }
        return DisplayTable(columns: ["metric", "mean", "std", "95% CI", "users"], rows: rows)
    }

    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        var items: [DisplayItem] = [.table(displayTable)]
        if nanScoreCount > 0 { items.append(.text("(\(nanScoreCount) NaN scores were ranked last)\n")) }
        return items
    }
}

/// Rating accuracy shows as a one-row table: RMSE, MAE, predictions.
extension RatingAccuracy: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(DisplayTable(columns: ["RMSE", "MAE", "predictions"],
                             rows: [[DisplayNumber.metric(rmse), DisplayNumber.metric(mae), DisplayNumber.count(count)]]))]
    }
}

/// A course evaluation shows as a one-row table: RMSE, MAE, Precision@k, Recall@k, F1@k and
/// the users ranked.
extension CourseEvaluation: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(DisplayTable(columns: ["RMSE", "MAE", "P@\(k)", "R@\(k)", "F1@\(k)", "users"],
                             rows: [[rmse, mae, precision, recall, f1].map(DisplayNumber.metric) + [DisplayNumber.count(rankedUsers)]]))]
    }
}
