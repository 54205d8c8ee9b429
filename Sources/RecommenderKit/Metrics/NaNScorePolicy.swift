/// What `RankingEvaluator` does with a NaN score of an item it ranks.
///
/// A NaN score usually means a broken model (a diverged training run, a division by zero);
/// ranked silently, it gives believable but wrong metrics. So the default is an error.
public enum NaNScorePolicy: Sendable, Equatable {
    /// Throw an error naming the first user and item whose score is NaN.
    case error
    /// Rank NaN scores below every number (ties by item index, as usual) and count them in
    /// `EvaluationResult.nanScoreCount`.
    case rankLast
}
