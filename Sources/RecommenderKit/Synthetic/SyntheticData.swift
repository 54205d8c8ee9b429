#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import TensorKit

/// A seeded generator of MovieLens-like data: a low-rank taste model with genres,
/// popularity skew, demographics and 1-5 star ratings.
///
/// Items get 1-3 of the 19 ML-100K genres; an item's taste vector mixes its genres'
/// vectors with its own noise. Users get an age, gender, occupation and zip code; their
/// taste vector leans toward genres liked by their age group. Item popularity follows a
/// Zipf law; how many ratings a user gives is log-normal (at least `minPerUser`). A user
/// picks items by popularity, accepting those that match their taste more often, and rates
/// them `round(3.5 + taste·item + biases + noise)` clamped to 1...5.
public enum SyntheticData {
    /// Generates ratings plus item and user metadata.
    public static func generate(_ config: SyntheticConfiguration) throws -> Dataset {
        try config.validate()
        var rng = SeededGenerator(seed: config.seed)
        let d = config.factors, nI = config.items, nU = config.users
        let genreNames = MovieLens100K.defaultGenres
        let nG = genreNames.count
        let genreVectors = (0..<(nG * d)).map { _ in rng.nextNormal() }
        var itemGenres = [[Int]](), itemVec = [Float](repeating: 0, count: nI * d)
        var itemBias = [Float](repeating: 0, count: nI)
        for i in 0..<nI {
            let k = 1 + Int(rng.next() % 3)
            var g = Set<Int>()
            while g.count < k { g.insert(1 + Int(rng.next() % UInt64(nG - 1))) }
            let gs = g.sorted()
            itemGenres.append(gs)
            for f in 0..<d {
                var v = 0.5 * rng.nextNormal()
                for j in gs { v += genreVectors[j * d + f] / Float(gs.count) }
                itemVec[i * d + f] = v / Float(d).squareRoot()
            }
            itemBias[i] = 0.3 * rng.nextNormal()
        }
        // Popularity: a random permutation of Zipf weights, as a cumulative table.
        var rank = Array(0..<nI)
        seededShuffle(&rank, &rng)
        var cdf = [Double](repeating: 0, count: nI)
        var acc = 0.0
        for i in 0..<nI { acc += 1 / pow(Double(rank[i] + 1), config.popularitySkew); cdf[i] = acc }
        // Users: demographics, taste, activity.
        let occupations = ["administrator", "artist", "doctor", "educator", "engineer", "entertainment",
                           "executive", "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none",
                           "other", "programmer", "retired", "salesman", "scientist", "student", "technician", "writer"]
        var ages = [Int?](), genders = [String](), occs = [String](), zips = [String]()
        var userVec = [Float](repeating: 0, count: nU * d), userBias = [Float](repeating: 0, count: nU)
        var activity = [Double](repeating: 0, count: nU)
        let ageGroupTaste = (0..<(5 * d)).map { _ in 0.7 * rng.nextNormal() }
        for u in 0..<nU {
            let age = 15 + Int(rng.next() % 50)
            ages.append(age)
            genders.append(rng.nextUniform() < 0.7 ? "M" : "F")
            occs.append(occupations[Int(rng.next() % UInt64(occupations.count))])
            zips.append(String(10000 + Int(rng.next() % 89999)))
            let group = min(4, (age - 15) / 10)
            for f in 0..<d { userVec[u * d + f] = ageGroupTaste[group * d + f] + rng.nextNormal() }
            userBias[u] = 0.3 * rng.nextNormal()
            activity[u] = exp(1.1 * Double(rng.nextNormal()))
        }
        let counts = userCounts(activity, total: config.ratings, minimum: config.minPerUser, items: nI)
        let total = counts.reduce(0, +)
        var users = [Int32](), items = [Int32](), ratings = [Float](), times = [Int64]()
        users.reserveCapacity(total); items.reserveCapacity(total)
        ratings.reserveCapacity(total); times.reserveCapacity(total)
        var taken = [Bool](repeating: false, count: nI)
        let start: Int64 = 946_684_800   // 2000-01-01
        for u in 0..<nU {
            var chosen = [Int32]()
            var t = start + Int64(rng.next() % 400_000_000)
            while chosen.count < counts[u] {
                var i = sample(cdf, &rng)
                var tries = 0
                while tries < 4 {
                    if !taken[i] {
                        let a = affinity(userVec, u, itemVec, i, d)
                        if Double(rng.nextUniform()) < 1 / (1 + exp(-2 * Double(a))) || tries == 3 { break }
                    }
                    i = sample(cdf, &rng); tries += 1
                }
                if taken[i] { i = firstFree(taken, from: i) }
                taken[i] = true
                chosen.append(Int32(i))
                let a = affinity(userVec, u, itemVec, i, d)
                let raw = 3.5 + Double(a) + Double(userBias[u] + itemBias[i]) + config.noise * Double(rng.nextNormal())
                users.append(Int32(u)); items.append(Int32(i))
                ratings.append(Float(min(5, max(1, raw.rounded()))))
                t += Int64(rng.next() % 86_400)
                times.append(t)
            }
            for i in chosen { taken[Int(i)] = false }
        }
        let uv = Vocabulary((1...nU).map(String.init)), iv = Vocabulary((1...nI).map(String.init))
        let table = Interactions(unchecked: users, items, ratings, times, uv, iv)
        let itemMeta = try ItemMetadata(ids: iv.ids, titles: (1...nI).map { "Movie \($0)" },
                                        years: (0..<nI).map { _ in 1930 + Int(rng.next() % 86) },
                                        genres: itemGenres, genreNames: genreNames)
        let userMeta = try UserMetadata(ids: uv.ids, ages: ages, genders: genders, occupations: occs, zipCodes: zips)
        return Dataset(name: "synthetic-\(nU)x\(nI)-seed\(config.seed)", ratings: table, items: itemMeta, users: userMeta)
    }

    /// Ratings per user proportional to `activity`, at least `minimum`, at most items/2,
    /// summing to `total` where the bounds allow.
    static func userCounts(_ activity: [Double], total: Int, minimum: Int, items: Int) -> [Int] {
        let cap = max(minimum, items / 2)
        let spare = max(0, total - minimum * activity.count)
        let sum = activity.reduce(0, +)
        var counts = activity.map { min(cap, minimum + Int(Double(spare) * $0 / max(sum, 1e-300))) }
        var missing = total - counts.reduce(0, +)
        while missing > 0 {
            var progressed = false
            for u in counts.indices where missing > 0 && counts[u] < cap {
                counts[u] += 1; missing -= 1; progressed = true
            }
            if !progressed { break }
        }
        return counts
    }

    @inline(__always)
    static func affinity(_ p: [Float], _ u: Int, _ q: [Float], _ i: Int, _ d: Int) -> Float {
        var s: Float = 0
        for f in 0..<d { s += p[u * d + f] * q[i * d + f] }
        return s
    }

    static func sample(_ cdf: [Double], _ rng: inout SeededGenerator) -> Int {
        let x = rng.nextDouble() * (cdf.last ?? 0)
        var lo = 0, hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    static func firstFree(_ taken: [Bool], from i: Int) -> Int {
        var j = i
        for _ in 0..<taken.count {
            if !taken[j] { return j }
            j = (j + 1) % taken.count
        }
        return i
    }
}
