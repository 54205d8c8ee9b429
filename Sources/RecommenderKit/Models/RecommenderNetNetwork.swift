import TensorKit

/// The layers of `RecommenderNet`: embeddings for zip code, release year and occupation
/// (and, optionally, user and item ids), linear maps of the standardised age and the
/// one-hot gender, all of size `embedding`, concatenated with the item's genres; then
/// `hidden[k]` units with batch norm and ReLU per block, dropout after every block but the
/// last, and one output logit.
final class RecommenderNetNetwork: Module {
    let zipCode: Embedding, year: Embedding, occupation: Embedding
    let age: Linear, gender: Linear
    let userID: Embedding?, itemID: Embedding?
    let blocks: [(linear: Linear, norm: BatchNorm1d)]
    let output: Linear
    let dropout: Dropout
    var isTraining = true

    /// The network for the category counts of `features`; ids embedded when `ids` gives
    /// the user and item counts.
    init(features f: RecommenderNetFeatures, ids: (users: Int, items: Int)?, embedding e: Int,
         hidden: [Int], dropout rate: Float, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        zipCode = try Embedding(f.zipCodeCount, e, generator: &rng)
        year = try Embedding(f.yearCount, e, generator: &rng)
        occupation = try Embedding(f.occupationCount, e, generator: &rng)
        age = try Linear(1, e, generator: &rng)
        gender = try Linear(f.genderCount, e, generator: &rng)
        userID = try ids.map { try Embedding($0.users, e, generator: &rng) }
        itemID = try ids.map { try Embedding($0.items, e, generator: &rng) }
        var width = e * (ids == nil ? 5 : 7) + f.genreCount
        var made: [(Linear, BatchNorm1d)] = []
        for h in hidden {
            made.append((try Linear(width, h, generator: &rng), try BatchNorm1d(h)))
            width = h
        }
        blocks = made
        output = try Linear(width, 1, generator: &rng)
        dropout = try Dropout(rate: rate, seed: seed &+ 1)
    }

    var children: [(name: String, module: Module)] {
        var c: [(String, Module)] = [("zip_code", zipCode), ("release_year", year), ("occupation", occupation),
                                     ("age", age), ("gender", gender)]
        if let userID, let itemID { c += [("user_id", userID), ("item_id", itemID)] }
        for (k, b) in blocks.enumerated() { c += [("fc\(k + 1)", b.linear), ("bn\(k + 1)", b.norm)] }
        return c + [("out", output), ("dropout", dropout)]
    }

    /// The output logits [pairs, 1] of the (user, item) pairs.
    func callAsFunction(users: [Int], items: [Int], features f: RecommenderNetFeatures) throws -> Tensor {
        let n = users.count
        var ageValues = [Float](repeating: 0, count: n)
        var genderOneHot = [Float](repeating: 0, count: n * f.genderCount)
        var genres = [Float](repeating: 0, count: n * f.genreCount)
        for k in 0..<n {
            let u = users[k], i = items[k]
            ageValues[k] = f.userAge[u]
            genderOneHot[k * f.genderCount + f.userGender[u]] = 1
            for g in 0..<f.genreCount { genres[k * f.genreCount + g] = f.itemGenres[i * f.genreCount + g] }
        }
        var parts = [
            try zipCode(users.map { f.userZipCode[$0] }),
            try year(items.map { f.itemYear[$0] }),
            try occupation(users.map { f.userOccupation[$0] }),
            try age(try Tensor(shape: [n, 1], scalars: ageValues)),
            try gender(try Tensor(shape: [n, f.genderCount], scalars: genderOneHot)),
        ]
        if let userID, let itemID { parts += [try userID(users), try itemID(items)] }
        if f.genreCount > 0 { parts.append(try Tensor(shape: [n, f.genreCount], scalars: genres)) }
        var h = try Tensor.concatenate(parts, axis: 1)
        for (k, b) in blocks.enumerated() {
            h = try b.norm(try b.linear(h)).relu()
            if k < blocks.count - 1 { h = try dropout(h) }
        }
        return try output(h)
    }
}
