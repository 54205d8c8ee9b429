/// Recall@k = |top-k ∩ R| / |R|  (RecBole `Recall`, lenskit `Recall`). NaN when |R| = 0
/// or k < 1.
public enum Recall {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        return Double(hitCount(hits, k)) / Double(relevantCount)
    }
}
