/// A split of one interactions table into train, optional validation, and test parts.
///
/// All parts share the vocabularies of the table they came from, so a user or item has
/// the same dense index in every part. Built by the strategies in this folder, each seeded,
/// or read from RecBole benchmark files (`TrainTestSplit.readRecBole`).
public struct TrainTestSplit: Sendable {
    /// A short description of how the split was made (e.g. `"random 80/20, seed 42"`).
    public var name: String
    /// Training rows.
    public var train: Interactions
    /// Validation rows, when the strategy makes them.
    public var validation: Interactions?
    /// Test rows.
    public var test: Interactions

    /// Creates a split; the parts must share vocabularies.
    public init(name: String, train: Interactions, validation: Interactions? = nil, test: Interactions) throws {
        let parts = [train, test] + (validation.map { [$0] } ?? [])
        guard parts.allSatisfy({ $0.userVocabulary == train.userVocabulary && $0.itemVocabulary == train.itemVocabulary }) else {
            throw DataError("TrainTestSplit(name:train:validation:test:): expected parts sharing user and item vocabularies")
        }
        self.name = name; self.train = train; self.validation = validation; self.test = test
    }

    init(unchecked name: String, _ train: Interactions, _ validation: Interactions?, _ test: Interactions) {
        self.name = name; self.train = train; self.validation = validation; self.test = test
    }

    /// Users in the shared vocabulary.
    public var userCount: Int { train.userCount }
    /// Items in the shared vocabulary.
    public var itemCount: Int { train.itemCount }
}

/// Sizes of the parts of `total` rows for the given ratios, exactly as RecBole's
/// `Dataset._calcu_split_ids`: every part but the first gets `Int(ratio · total)`, the first
/// the rest; a part whose share is positive but below one row takes one row from the first
/// part while the first keeps more than one.
func recBoleSplitCounts(_ total: Int, _ ratios: [Double]) -> [Int] {
    var cnt = ratios.map { Int($0 * Double(total)) }
    guard !cnt.isEmpty else { return [] }
    cnt[0] = total - cnt.dropFirst().reduce(0, +)
    for i in stride(from: 1, to: ratios.count, by: 1) {
        if cnt[0] <= 1 { break }
        let share = ratios[ratios.count - i] * Double(total)
        if share > 0 && share < 1 {
            cnt[ratios.count - i] += 1
            cnt[0] -= 1
        }
    }
    return cnt
}

/// Checks that ratios are positive and sum to 1 (within rounding).
func checkRatios(_ ratios: [Double], _ op: String) throws {
    guard ratios.count >= 2, ratios.allSatisfy({ $0 >= 0 && $0.isFinite }),
          abs(ratios.reduce(0, +) - 1) < 1e-9 else {
        throw DataError("\(op): expected two or more non-negative ratios summing to 1, got \(ratios)")
    }
}
