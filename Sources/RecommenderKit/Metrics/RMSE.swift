#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// RMSE = sqrt(mean((prediction − target)²)) over all pairs (RecBole `RMSE`).
public enum RMSE {
    /// The value; throws when the arrays differ in length or are empty.
    public static func value(predictions: [Float], targets: [Float]) throws -> Double {
        try checkPairs(predictions, targets, "RMSE")
        var s = 0.0
        for i in 0..<predictions.count { let d = Double(predictions[i]) - Double(targets[i]); s += d * d }
        return sqrt(s / Double(predictions.count))
    }
}

func checkPairs(_ p: [Float], _ t: [Float], _ name: String) throws {
    guard p.count == t.count, !p.isEmpty else {
        throw DataError("\(name).value(predictions:targets:): expected two non-empty arrays of equal length, got \(p.count) and \(t.count)")
    }
}
