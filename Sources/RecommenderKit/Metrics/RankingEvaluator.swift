import Dispatch
import TensorKit

/// Full-ranking evaluation: for every user, rank all items by score with the user's seen
/// items excluded, take one top-K list (K = the largest k asked for), and compute every
/// metric from it.
///
/// The relevant count |R| of a user is the number of distinct relevant items (an item that
/// is also excluded still counts, as in RecBole). Users with no relevant items get NaN and
/// are left out of the means (see `MetricSummary`). Ties rank the lower item index first.
/// A NaN score of a ranked (not excluded) item is an error naming the user and the item,
/// unless `nanScores: .rankLast` asks to rank it last (see `NaNScorePolicy`).
public enum RankingEvaluator {
    /// Evaluates a dense score matrix [userCount x itemCount] in row-major order.
    /// - Throws: when sizes disagree, an item index is out of range, a k is below 1, or
    ///   (with `nanScores: .error`, the default) a ranked item's score is NaN.
    public static func evaluate(scores: UnsafeBufferPointer<Float>, userCount: Int, itemCount: Int,
                                relevant: ItemLists, excluding: ItemLists? = nil,
                                metrics: [RankingMetric], nanScores: NaNScorePolicy = .error) throws -> EvaluationResult {
        let op = "RankingEvaluator.evaluate"
        guard userCount >= 0, itemCount >= 0, userCount.multipliedReportingOverflow(by: itemCount).overflow == false,
              scores.count == userCount * itemCount else {
            throw DataError("\(op): expected \(userCount) x \(itemCount) scores, got \(scores.count)")
        }
        guard relevant.userCount == userCount else {
            throw DataError("\(op): expected relevant items for \(userCount) users, got \(relevant.userCount)")
        }
        if let e = excluding, e.userCount != userCount {
            throw DataError("\(op): expected excluded items for \(userCount) users, got \(e.userCount)")
        }
        for lists in [relevant, excluding].compactMap({ $0 }) where lists.indices.contains(where: { $0 < 0 || Int($0) >= itemCount }) {
            throw DataError("\(op): expected item indices in 0..<\(itemCount)")
        }
        guard !metrics.isEmpty, metrics.allSatisfy({ $0.k >= 1 }) else {
            throw DataError("\(op): expected at least one metric, each with k >= 1")
        }
        let K = min(metrics.map(\.k).max() ?? 1, itemCount)
        let rankingMetrics = metrics.filter { if case .itemCoverage = $0 { return false }; return true }
        let wantsCoverage = rankingMetrics.count != metrics.count
        var values = [Double](repeating: .nan, count: rankingMetrics.count * userCount)
        var tops = [Int32](repeating: -1, count: wantsCoverage ? userCount * K : 0)
        let chunk = max(64, userCount / 32 + 1)
        let chunks = (userCount + chunk - 1) / chunk
        // Per chunk: how many ranked scores are NaN, and the flat index of the first one.
        var nanCounts = [Int](repeating: 0, count: chunks), firstNaN = [Int](repeating: -1, count: chunks)
        nanCounts.withUnsafeMutableBufferPointer { nanCount in
        firstNaN.withUnsafeMutableBufferPointer { nanFirst in
        values.withUnsafeMutableBufferPointer { vals in
            tops.withUnsafeMutableBufferPointer { topsOut in
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    var isRelevant = [Bool](repeating: false, count: itemCount)
                    var isExcluded = [Bool](repeating: false, count: itemCount)
                    var top = [Int32](repeating: 0, count: K)
                    var hits = [Bool](repeating: false, count: K)
                    isRelevant.withUnsafeMutableBufferPointer { rel in
                    isExcluded.withUnsafeMutableBufferPointer { exc in
                    top.withUnsafeMutableBufferPointer { topBuf in
                    hits.withUnsafeMutableBufferPointer { hitBuf in
                        for u in (c * chunk)..<min(userCount, (c + 1) * chunk) {
                            var nRel = 0
                            for i in relevant.list(u) where !rel[Int(i)] { rel[Int(i)] = true; nRel += 1 }
                            if let e = excluding { for i in e.list(u) { exc[Int(i)] = true } }
                            let row = UnsafeBufferPointer(rebasing: scores[(u * itemCount)..<((u + 1) * itemCount)])
                            for j in 0..<itemCount where row[j].isNaN && !exc[j] {
                                if nanFirst[c] < 0 { nanFirst[c] = u * itemCount + j }
                                nanCount[c] += 1
                            }
                            let n = TopK.select(row, excluded: UnsafeBufferPointer(exc), into: topBuf)
                            for j in 0..<n { hitBuf[j] = rel[Int(topBuf[j])] }
                            let h = UnsafeBufferPointer(rebasing: hitBuf[0..<n])
                            for (m, metric) in rankingMetrics.enumerated() {
                                vals[m * userCount + u] = metric.value(hits: h, relevantCount: nRel)
                            }
                            if wantsCoverage { for j in 0..<n { topsOut[u * K + j] = topBuf[j] } }
                            for i in relevant.list(u) { rel[Int(i)] = false }
                            if let e = excluding { for i in e.list(u) { exc[Int(i)] = false } }
                        }
                    }}}}
                }
            }
        }
        }}
        if nanScores == .error, let first = firstNaN.first(where: { $0 >= 0 }) {
            throw DataError("\(op): the score of user \(first / itemCount), item \(first % itemCount) is NaN (\(nanCounts.reduce(0, +)) NaN scores in all); fix the model, or pass nanScores: .rankLast to rank NaN scores last")
        }
        var summaries = [MetricSummary]()
        var m = 0
        for metric in metrics {
            if case .itemCoverage(let k) = metric {
                summaries.append(MetricSummary(metric: metric, value: coverage(tops, K: K, k: k, itemCount: itemCount)))
            } else {
                summaries.append(MetricSummary(metric: metric, perUser: Array(values[(m * userCount)..<((m + 1) * userCount)])))
                m += 1
            }
        }
        var result = EvaluationResult(summaries: summaries, userCount: userCount)
        result.nanScoreCount = nanCounts.reduce(0, +)
        return result
    }

    /// Evaluates a `Tensor` of scores shaped [users, items].
    public static func evaluate(scores: Tensor, relevant: ItemLists, excluding: ItemLists? = nil,
                                metrics: [RankingMetric], nanScores: NaNScorePolicy = .error) throws -> EvaluationResult {
        guard scores.shape.count == 2 else {
            throw DataError("RankingEvaluator.evaluate(scores:): expected a [users, items] tensor, got shape \(scores.shape)")
        }
        return try scores.withUnsafeBufferPointer {
            try evaluate(scores: $0, userCount: scores.shape[0], itemCount: scores.shape[1],
                         relevant: relevant, excluding: excluding, metrics: metrics, nanScores: nanScores)
        }
    }

    /// Evaluates a row-major `[Float]` of scores [userCount x itemCount].
    public static func evaluate(scores: [Float], userCount: Int, itemCount: Int, relevant: ItemLists,
                                excluding: ItemLists? = nil, metrics: [RankingMetric],
                                nanScores: NaNScorePolicy = .error) throws -> EvaluationResult {
        try scores.withUnsafeBufferPointer {
            try evaluate(scores: $0, userCount: userCount, itemCount: itemCount,
                         relevant: relevant, excluding: excluding, metrics: metrics, nanScores: nanScores)
        }
    }

    /// Evaluates ranked lists computed elsewhere (best first, already without seen items).
    public static func evaluate(rankedLists: [[Int32]], relevant: ItemLists, itemCount: Int,
                                metrics: [RankingMetric]) throws -> EvaluationResult {
        guard rankedLists.count == relevant.userCount else {
            throw DataError("RankingEvaluator.evaluate(rankedLists:): expected \(relevant.userCount) lists, got \(rankedLists.count)")
        }
        guard metrics.allSatisfy({ $0.k >= 1 }) else {
            throw DataError("RankingEvaluator.evaluate(rankedLists:): expected every k >= 1")
        }
        let summaries = metrics.map { metric -> MetricSummary in
            if case .itemCoverage(let k) = metric {
                return MetricSummary(metric: metric, value: ItemCoverage.value(rankedLists: rankedLists, itemCount: itemCount, k: k))
            }
            let perUser = rankedLists.enumerated().map { (u, list) -> Double in
                let rel = Set(relevant.list(u))
                return metric.value(hits: list.map { rel.contains($0) }, relevantCount: rel.count)
            }
            return MetricSummary(metric: metric, perUser: perUser)
        }
        return EvaluationResult(summaries: summaries, userCount: rankedLists.count)
    }

    private static func coverage(_ tops: [Int32], K: Int, k: Int, itemCount: Int) -> Double {
        guard itemCount > 0, K > 0 else { return 0 }
        var seen = [Bool](repeating: false, count: itemCount)
        var n = 0
        for start in stride(from: 0, to: tops.count, by: K) {
            for j in 0..<min(k, K) {
                let i = tops[start + j]
                if i >= 0 && !seen[Int(i)] { seen[Int(i)] = true; n += 1 }
            }
        }
        return Double(n) / Double(itemCount)
    }
}
