extension Interactions {
    /// Leave-one-out (RecBole `LS: valid_and_test`): each user's latest row (by timestamp,
    /// ties by table order) goes to test and, with `validation: true`, the one before it to
    /// validation. A user keeps at least one training row: users with a single row stay
    /// all in train, and with two rows only the test row is taken.
    public func leaveOneOut(validation: Bool = true) -> TrainTestSplit {
        var train = [Int](), valid = [Int](), test = [Int]()
        for g in rowsByUser() where !g.isEmpty {
            let ordered = g.sorted { (timestamps[$0], $0) < (timestamps[$1], $1) }
            var rest = ordered[...]
            if rest.count >= 2, let last = rest.popLast() { test.append(last) }
            if validation, rest.count >= 2, let last = rest.popLast() { valid.append(last) }
            train.append(contentsOf: rest)
        }
        return TrainTestSplit(unchecked: validation ? "leave-one-out with validation" : "leave-one-out",
                              subset(train.sorted()), validation ? subset(valid.sorted()) : nil, subset(test.sorted()))
    }
}
