#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The per-user values of one metric and their summary.
///
/// Averaging rule: users whose value is NaN (no relevant items) are left out, as RecBole
/// leaves users without test items out of full-ranking evaluation; `count` is the number
/// of users averaged. `standardDeviation` is the sample standard deviation (n − 1), and
/// the 95% interval is mean ± 1.96 · std / √n (normal approximation).
public struct MetricSummary: Sendable {
    /// The metric.
    public let metric: RankingMetric
    /// One value per user of the evaluation (NaN where undefined). Empty for item coverage.
    public let perUser: [Double]
    /// The mean over users with a value (the value itself for item coverage).
    public let mean: Double
    /// The sample standard deviation over users with a value (NaN when fewer than 2).
    public let standardDeviation: Double
    /// The number of users averaged.
    public let count: Int

    /// The label, e.g. `NDCG@100`.
    public var label: String { metric.label }

    /// Standard error of the mean: std / √n.
    public var standardError: Double { count > 1 ? standardDeviation / Double(count).squareRoot() : .nan }

    /// The 95% confidence interval of the mean (normal approximation).
    public var confidenceInterval95: (lower: Double, upper: Double) {
        let h = 1.96 * standardError
        return (mean - h, mean + h)
    }

    /// Summarises per-user values.
    public init(metric: RankingMetric, perUser: [Double]) {
        self.metric = metric
        self.perUser = perUser
        var n = 0, sum = 0.0
        for v in perUser where !v.isNaN { n += 1; sum += v }
        let m = n > 0 ? sum / Double(n) : .nan
        var ss = 0.0
        for v in perUser where !v.isNaN { ss += (v - m) * (v - m) }
        mean = m
        count = n
        standardDeviation = n > 1 ? (ss / Double(n - 1)).squareRoot() : .nan
    }

    /// A summary of a single global value (item coverage).
    public init(metric: RankingMetric, value: Double) {
        self.metric = metric
        perUser = []
        mean = value
        count = 1
        standardDeviation = .nan
    }
}
