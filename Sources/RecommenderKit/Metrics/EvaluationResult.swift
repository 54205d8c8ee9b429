/// The result of an evaluation: one summary per metric, in the order asked for.
public struct EvaluationResult: Sendable, CustomStringConvertible {
    /// One summary per metric.
    public let summaries: [MetricSummary]
    /// The number of users evaluated (including those without relevant items).
    public let userCount: Int
    /// How many ranked scores were NaN and ranked last (with `nanScores: .rankLast`).
    public internal(set) var nanScoreCount = 0

    /// The summary of a metric, or nil when it was not computed.
    public subscript(metric: RankingMetric) -> MetricSummary? {
        summaries.first { $0.metric == metric }
    }

    /// The summary with a label such as `"NDCG@100"`, or nil.
    public subscript(label: String) -> MetricSummary? {
        summaries.first { $0.label == label }
    }

    /// A text table: metric, mean, std, 95% interval, users averaged.
    public var description: String {
        var lines = ["metric                   mean      std       95% CI                users"]
        for s in summaries {
            let ci = s.confidenceInterval95
            lines.append(pad(s.label, 22) + " " + fmt(s.mean) + " " + fmt(s.standardDeviation) + "  ["
                         + fmt(ci.lower) + ", " + fmt(ci.upper) + "]  " + String(s.count))
        }
        if nanScoreCount > 0 { lines.append("(\(nanScoreCount) NaN scores were ranked last)") }
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    private func fmt(_ x: Double) -> String {
        guard x.isFinite else { return "   nan   " }
        let scaled = (x * 1_000_000).rounded()
        let neg = scaled < 0
        let a = Int(abs(scaled))
        let frac = String(a % 1_000_000)
        return (neg ? "-" : " ") + String(a / 1_000_000) + "." + String(repeating: "0", count: 6 - frac.count) + frac
    }
}
