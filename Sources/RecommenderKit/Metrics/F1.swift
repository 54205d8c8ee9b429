/// F1@k = 2 · P@k · R@k / (P@k + R@k), with P and R as in `Precision` and `Recall`;
/// 0 when both are 0, NaN when |R| = 0 or k < 1.
public enum F1 {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        let p = Precision.value(hits: hits, relevantCount: relevantCount, k: k)
        let r = Recall.value(hits: hits, relevantCount: relevantCount, k: k)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}
