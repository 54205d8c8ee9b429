import Foundation
import XCTest
@testable import RecommenderKit

/// Hand-written fixture files, a few lines in each format.
enum Fixtures {
    static func data(_ s: String) -> Data { Data(s.utf8) }

    static let uData = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n196\t302\t5\t881250950\n"
    static let uItem = Data("1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n".utf8)
        + Data([0x32, 0x7C]) + Data("Caf".utf8) + Data([0xE9]) + Data(" Society (1996)|01-Jan-1996||url|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n".utf8)
    static let uUser = "1|24|M|technician|85711\n2|53|F|other|94043\n"
    static let uGenre = MovieLens100K.defaultGenres.enumerated().map { "\($0.element)|\($0.offset)" }.joined(separator: "\n") + "\n\n"
    static let uOccupation = "administrator\nartist\ndoctor\n"

    static let ml1mRatings = "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n"
    static let ml1mMovies = "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"
    static let ml1mUsers = "1::F::1::10::48067\n2::M::56::16::70072\n"

    static let ml20mRatings = "userId,movieId,rating,timestamp\n1,2,3.5,1112486027\n1,29,3.5,1112484676\n2,2,4.0,1112484819\n"
    static let ml20mMovies = "movieId,title,genres\n2,Jumanji (1995),Adventure|Children|Fantasy\n29,\"City of Lost Children, The (Cité des enfants perdus, La) (1995)\",Adventure|Drama|Fantasy|Mystery|Sci-Fi\n"
    static let genomeScores = "movieId,tagId,relevance\n1,1,0.025\n1,2,0.025\n"
    static let genomeTags = "tagId,tag\n1,007\n2,007 (series)\n"

    static let recboleInter = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"
    static let recboleItem = "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\n242\tKolya\t1996\tComedy\n302\tL.A. Confidential\t1997\tCrime Film-Noir Mystery Thriller\n377\tHeavyweights\t1994\tChildren's Comedy\n"
    static let recboleUser = "user_id:token\tage:token\tgender:token\toccupation:token\tzip_code:token\n196\t49\tM\twriter\t55105\n186\t39\tF\texecutive\t00000\n22\t25\tM\twriter\t40206\n"
    static let recboleKG = "head_id:token\trelation_id:token\ttail_id:token\nm.04ctbw8\tfilm.producer.film\tm.0bln8\n"
    static let recboleLink = "item_id:token\tentity_id:token\n242\tm.08gjyx\n"

    static let netflixPrize = "1:\n1488844,3,2005-09-06\n822109,5,2005-05-13\n2:\n1488844,4,2005-09-07\n"
    static let netflixTitles = "1,2003,Dinosaur Planet\n2,2004,Isle of Man TT 2004 Review, The\n"
    static let kaggleNetflix = "User_ID,Rating,Movie_ID\n712664,5,3\n1331154,4,3\n712664,3,8\n"

    /// A fresh temporary folder holding the given files.
    static func folder(_ files: [String: Data]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, d) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try d.write(to: url)
        }
        return dir
    }

    /// The error message thrown by `body`, or nil.
    static func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }
}

extension XCTestCase {
    /// Asserts that `body` throws an error whose text contains `expected`.
    func assertError(_ body: () throws -> Any, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let m = Fixtures.message(body) else { return XCTFail("expected an error containing \(expected)", file: file, line: line) }
        XCTAssertTrue(m.contains(expected), "\"\(m)\" does not contain \"\(expected)\"", file: file, line: line)
    }
}
