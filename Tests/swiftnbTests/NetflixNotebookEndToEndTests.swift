import Foundation
import XCTest

/// `notebooks/multvae-collaborative-filtering.swiftnb` with `dataset=netflix` reads the
/// Netflix Prize files (`combined_data_*.txt` and `movie_titles.csv`) from `data/netflix`.
/// The real files are 2 GB and not fetchable here, so a small synthetic set in the same
/// format stands in: 400 customers in 8 taste groups over 160 movies in two files.
final class NetflixNotebookEndToEndTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testTheMultVAENotebookRunsOnNetflixPrizeFiles() throws {
        let dir = try temporaryDirectory(self)
        let netflix = dir.appendingPathComponent("data/netflix")
        try Self.writeSyntheticNetflixPrize(to: netflix)
        let notebook = Self.root.appendingPathComponent("notebooks/multvae-collaborative-filtering.swiftnb").path
        let r = try runSwiftNB(["run", notebook, "--out", "out", "--format", "md",
                                "--param", "dataset=netflix", "--param", "quick=true"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        let report = try read(dir.appendingPathComponent("out/multvae-collaborative-filtering.md"))
        XCTAssertTrue(report.contains("ratings by 400 users of 160 items"), report)
        XCTAssertTrue(report.contains("this notebook (netflix)"), report)
        // The taste groups are easy to learn: the models rank far better than popularity.
        func ndcg(_ model: String) -> Double? {
            report.split(separator: "\n").first { $0.hasPrefix("| \(model) | 0.") }
                .flatMap { Double($0.split(separator: "|")[1].trimmingCharacters(in: .whitespaces)) }
        }
        let vae = try XCTUnwrap(ndcg("Mult-VAE"), report), popularity = try XCTUnwrap(ndcg("Popularity"), report)
        XCTAssertGreaterThan(vae, popularity + 0.1, report)
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: dir.appendingPathComponent("reports/quick/multvae-collaborative-filtering/validation-ndcg.png").path))
    }

    /// Customers like the movies of their own group (4-5 stars) and rate a few others low.
    static func writeSyntheticNetflixPrize(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var byMovie: [Int: [String]] = [:]
        for customer in 0..<400 {
            let group = customer % 8
            var seen = Set<Int>()
            while seen.count < 20 {
                let own = next(10) < 8
                let movie = own ? 1 + group * 20 + next(20) : 1 + next(160)
                guard seen.insert(movie).inserted else { continue }
                let liked = (movie - 1) / 20 == group
                let stars = liked ? 4 + next(2) : 1 + next(3)
                byMovie[movie, default: []].append("\(100_000 + customer * 37),\(stars),2005-0\(1 + next(9))-1\(next(10))")
            }
        }
        for (file, movies) in [("combined_data_1.txt", 1...80), ("combined_data_2.txt", 81...160)] {
            var text = ""
            for movie in movies {
                text += "\(movie):\n" + (byMovie[movie] ?? []).joined(separator: "\n") + "\n"
            }
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let titles = (1...160).map { "\($0),\(1990 + $0 % 15),Movie \($0), Part \($0 % 3 + 1)" }.joined(separator: "\n")
        try (titles + "\n").write(to: folder.appendingPathComponent("movie_titles.csv"), atomically: true, encoding: .utf8)
    }
}
