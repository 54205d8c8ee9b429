/// MRR@k = 1 / (rank of the first relevant item) when it lies within the top k, else 0
/// (RecBole `MRR`). NaN when |R| = 0 or k < 1.
public enum MRR {
    /// The value for one user.
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        for i in 0..<min(k, hits.count) where hits[i] { return 1 / Double(i + 1) }
        return 0
    }
}
