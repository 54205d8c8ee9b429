/// NDCG@k with binary relevance (RecBole `NDCG`, vae_cf `NDCG_binary_at_k_batch`):
///
///     DCG@k  = Σ_{i=1..k} hits[i] / log2(i + 1)
///     IDCG@k = Σ_{i=1..min(k, |R|)} 1 / log2(i + 1)
///     NDCG@k = DCG@k / IDCG@k
///
/// NaN when |R| = 0 or k < 1.
public enum NDCG {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        var dcg = 0.0
        for i in 0..<min(k, hits.count) where hits[i] { dcg += discount(i) }
        var idcg = 0.0
        for i in 0..<min(k, relevantCount) { idcg += discount(i) }
        return dcg / idcg
    }

    /// 1 / log2(rank + 1) for the 0-based position `i` (rank i + 1).
    @inline(__always)
    static func discount(_ i: Int) -> Double { 1.0 / log2(Double(i) + 2.0) }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
