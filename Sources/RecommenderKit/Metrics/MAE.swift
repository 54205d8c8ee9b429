/// MAE = mean(|prediction − target|) over all pairs (RecBole `MAE`).
public enum MAE {
    /// The value; throws when the arrays differ in length or are empty.
    public static func value(predictions: [Float], targets: [Float]) throws -> Double {
        try checkPairs(predictions, targets, "MAE")
        var s = 0.0
        for i in 0..<predictions.count { s += abs(Double(predictions[i]) - Double(targets[i])) }
        return s / Double(predictions.count)
    }
}
