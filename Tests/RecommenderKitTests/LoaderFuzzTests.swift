import XCTest
import TensorKit
@testable import RecommenderKit

/// Every loader gets random bytes and mutated fixtures: it may throw, never crash.
final class LoaderFuzzTests: XCTestCase {
    typealias Parser = (Data) throws -> Any

    let parsers: [(String, Parser)] = [
        ("u.data", { try MovieLens100K.parseRatings($0) }),
        ("u.item", { try MovieLens100K.parseItems($0) }),
        ("u.user", { try MovieLens100K.parseUsers($0) }),
        ("u.genre", { try MovieLens100K.parseGenres($0) }),
        ("u.occupation", { try MovieLens100K.parseOccupations($0) }),
        ("ratings.dat", { try MovieLens1M.parseRatings($0) }),
        ("movies.dat", { try MovieLens1M.parseMovies($0) }),
        ("users.dat", { try MovieLens1M.parseUsers($0) }),
        ("ratings.csv", { try MovieLensCSV.parseRatings($0) }),
        ("movies.csv", { try MovieLensCSV.parseMovies($0) }),
        ("genome", { try MovieLensCSV.parseTable($0, file: "g.csv", header: ["tagId", "tag"]) }),
        (".inter", { try RecBoleAtomic.parseInteractions($0, file: "x.inter") }),
        (".item", { try RecBoleAtomic.items(from: RecBoleAtomic.parseTable($0, file: "x.item")) }),
        (".user", { try RecBoleAtomic.users(from: RecBoleAtomic.parseTable($0, file: "x.user")) }),
        ("netflix", { try NetflixPrize.parseRatings($0) }),
        ("titles", { try NetflixPrize.parseTitles($0) }),
        ("kaggle", { try KaggleNetflix.parseRatings($0) }),
    ]

    let seeds: [String] = [Fixtures.uData, Fixtures.uUser, Fixtures.uGenre, Fixtures.ml1mRatings, Fixtures.ml1mMovies,
                           Fixtures.ml1mUsers, Fixtures.ml20mRatings, Fixtures.ml20mMovies, Fixtures.recboleInter,
                           Fixtures.recboleItem, Fixtures.recboleUser, Fixtures.netflixPrize, Fixtures.netflixTitles,
                           Fixtures.kaggleNetflix]

    func testRandomBytesNeverCrash() {
        var rng = SeededGenerator(seed: 7)
        var thrown = 0
        for round in 0..<150 {
            let n = Int(rng.next() % 300)
            let alphabet: [UInt8] = Array("0123456789\t,:|\n\r.-\"abcUXYZ_ ".utf8)
            let bytes = (0..<n).map { _ in round % 2 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            for (_, parse) in parsers {
                do { _ = try parse(Data(bytes)) } catch { thrown += 1 }
            }
        }
        XCTAssertGreaterThan(thrown, 0)
    }

    func testMutatedFixturesNeverCrash() {
        var rng = SeededGenerator(seed: 11)
        for seed in seeds {
            var base = Array(seed.utf8)
            for _ in 0..<30 {
                var b = base
                for _ in 0..<(1 + Int(rng.next() % 4)) where !b.isEmpty {
                    let i = Int(rng.next() % UInt64(b.count))
                    switch rng.next() % 3 {
                    case 0: b[i] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: b.remove(at: i)
                    default: b.insert(b[i], at: i)
                    }
                }
                for (_, parse) in parsers { _ = try? parse(Data(b)) }
                base = rng.next() % 4 == 0 ? Array(seed.utf8) : base
            }
        }
    }
}
