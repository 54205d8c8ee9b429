/// HitRate@k = 1 when any of the top k items is relevant, else 0 (RecBole `Hit`).
/// NaN when |R| = 0 or k < 1.
public enum HitRate {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        return hitCount(hits, k) > 0 ? 1 : 0
    }
}
