/// MAP@k (RecBole `MAP`):
///
///     AP@k = (1 / min(k, |R|)) · Σ_{i=1..k} hits[i] · Precision@i
///
/// averaged over users. NaN when |R| = 0 or k < 1.
public enum MAP {
    /// The value for one user (its average precision).
    public static func value(hits: UnsafeBufferPointer<Bool>, relevantCount: Int, k: Int) -> Double {
        guard relevantCount > 0, k > 0 else { return .nan }
        var found = 0, sum = 0.0
        for i in 0..<min(k, hits.count) where hits[i] {
            found += 1
            sum += Double(found) / Double(i + 1)
        }
        return sum / Double(min(k, relevantCount))
    }
}
