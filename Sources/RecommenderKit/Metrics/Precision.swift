/// Precision@k = |top-k ∩ R| / k  (RecBole `Precision`; the denominator is k even when
/// fewer than k items could be ranked). NaN when |R| = 0 or k < 1.
public enum Precision {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        return Double(hitCount(hits, k)) / Double(k)
    }
}
