/// A top-k ranking metric, computed per user from one ranked list with seen items removed.
///
/// Every metric follows RecBole's full-ranking definition (`recbole/evaluator/metrics.py`)
/// with binary relevance; the exact formula is in the doc comment of the type named in
/// each case. `hits[i]` below is 1 when the item at rank `i` (1-based) is relevant and
/// `R` is the set of relevant (held-out) items of the user.
public enum RankingMetric: Hashable, Sendable, CustomStringConvertible {
    /// `Precision`: hits in the top k / k.
    case precision(Int)
    /// `Recall`: hits in the top k / |R| (RecBole, lenskit).
    case recall(Int)
    /// `NormalizedRecall`: hits in the top k / min(k, |R|) (Liang et al. 2018, vae_cf).
    case normalizedRecall(Int)
    /// `F1`: harmonic mean of Precision@k and Recall@k (0 when both are 0).
    case f1(Int)
    /// `NDCG`: DCG@k / IDCG@k with log2 discount; IDCG from min(k, |R|) ideal hits.
    case ndcg(Int)
    /// `HitRate`: 1 when the top k holds any relevant item, else 0.
    case hitRate(Int)
    /// `MRR`: 1 / rank of the first relevant item within the top k, else 0.
    case mrr(Int)
    /// `MAP`: sum over ranks i <= k of hits[i] * Precision@i, / min(k, |R|).
    case map(Int)
    /// `ItemCoverage`: distinct items in all users' top k / number of items (one value).
    case itemCoverage(Int)

    /// The cut-off k.
    public var k: Int {
        switch self {
        case .precision(let k), .recall(let k), .normalizedRecall(let k), .f1(let k), .ndcg(let k),
             .hitRate(let k), .mrr(let k), .map(let k), .itemCoverage(let k): return k
        }
    }

    /// The label used in tables, e.g. `NDCG@100`.
    public var label: String {
        switch self {
        case .precision(let k): return "Precision@\(k)"
        case .recall(let k): return "Recall@\(k)"
        case .normalizedRecall(let k): return "NormalizedRecall@\(k)"
        case .f1(let k): return "F1@\(k)"
        case .ndcg(let k): return "NDCG@\(k)"
        case .hitRate(let k): return "HitRate@\(k)"
        case .mrr(let k): return "MRR@\(k)"
        case .map(let k): return "MAP@\(k)"
        case .itemCoverage(let k): return "ItemCoverage@\(k)"
        }
    }

    public var description: String { label }

    /// The value for one user, from the relevance flags of the ranked list (best first,
    /// possibly shorter than k) and the number of relevant items. NaN when `relevantCount`
    /// is 0. Item coverage is not per user and gives NaN here.
    public func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int) -> Double {
        switch self {
        case .precision(let k): return Precision.value(hits: hits, relevantCount: relevantCount, k: k)
        case .recall(let k): return Recall.value(hits: hits, relevantCount: relevantCount, k: k)
        case .normalizedRecall(let k): return NormalizedRecall.value(hits: hits, relevantCount: relevantCount, k: k)
        case .f1(let k): return F1.value(hits: hits, relevantCount: relevantCount, k: k)
        case .ndcg(let k): return NDCG.value(hits: hits, relevantCount: relevantCount, k: k)
        case .hitRate(let k): return HitRate.value(hits: hits, relevantCount: relevantCount, k: k)
        case .mrr(let k): return MRR.value(hits: hits, relevantCount: relevantCount, k: k)
        case .map(let k): return MAP.value(hits: hits, relevantCount: relevantCount, k: k)
        case .itemCoverage: return .nan
        }
    }

    /// The same, from an array of flags.
    public func value(hits: [Bool], relevantCount: Int) -> Double {
        hits.withUnsafeBufferPointer { value(hits: $0, relevantCount: relevantCount) }
    }
}

/// Hits among the first `k` flags.
@inline(__always)
func hitCount(_ hits: UnsafeBufferPointer<Bool>, _ k: Int) -> Int {
    var n = 0
    for i in 0..<min(max(k, 0), hits.count) where hits[i] { n += 1 }
    return n
}
