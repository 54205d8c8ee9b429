import TensorKit

extension Interactions {
    /// K-fold cross-validation over rows: a seeded permutation cut into `folds` parts of
    /// near-equal size (the first `count % folds` parts one row longer); split `f` tests on
    /// part `f` and trains on the others. Every row is tested exactly once.
    public func kFold(_ folds: Int, seed: UInt64) throws -> [TrainTestSplit] {
        guard folds >= 2, folds <= count else {
            throw DataError("Interactions.kFold(_:seed:): expected 2 ... \(count) folds, got \(folds)")
        }
        var rng = SeededGenerator(seed: seed)
        var order = Array(0..<count)
        seededShuffle(&order, &rng)
        var bounds = [0]
        for f in 0..<folds { bounds.append(bounds[f] + count / folds + (f < count % folds ? 1 : 0)) }
        return (0..<folds).map { f in
            let test = Array(order[bounds[f]..<bounds[f + 1]]).sorted()
            let train = (Array(order[0..<bounds[f]]) + Array(order[bounds[f + 1]...])).sorted()
            return TrainTestSplit(unchecked: "fold \(f + 1) of \(folds), seed \(seed)", subset(train), nil, subset(test))
        }
    }
}
