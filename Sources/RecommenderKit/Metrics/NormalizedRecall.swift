/// Liang et al.'s normalised Recall@k = |top-k ∩ R| / min(k, |R|)  (dawenl/vae_cf
/// `Recall_at_k_batch`), which reaches 1 for a perfect ranking even when |R| > k.
/// NaN when |R| = 0 or k < 1.
public enum NormalizedRecall {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        return Double(hitCount(hits, k)) / Double(min(k, relevantCount))
    }
}
