import Foundation
import XCTest

/// `notebooks/movie-recommender-app.swiftnb` answered by `notebooks/movie-recommender-app.answers`
/// on standard input: register, log in, rate, recommend, a wrong password, a guest, the
/// RMSE, quit. Runs only when `data/ml-100k` exists (`swiftnb data fetch ml-100k`).
/// The cells run in the worker process, which reads `run`'s standard input.
final class AppNotebookEndToEndTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testTheAppRunsOnAPipedScriptOfAnswers() throws {
        let data = Self.root.appendingPathComponent("data")
        guard FileManager.default.fileExists(atPath: data.appendingPathComponent("ml-100k").path) else {
            throw XCTSkip("data/ml-100k is not present")
        }
        let dir = try temporaryDirectory(self)
        let store = dir.appendingPathComponent("accounts/users.json").path
        let answers = try read(Self.root.appendingPathComponent("notebooks/movie-recommender-app.answers"))
        let notebook = Self.root.appendingPathComponent("notebooks/movie-recommender-app.swiftnb").path
        let r = try runSwiftNB(["run", notebook, "--out", "out", "--format", "md",
                                "--param", "quick=true", "--param", "storePath=\(store)"],
                               in: dir, input: answers, environment: ["SWIFTNB_DATA": data.path])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        let out = r.stdout
        for line in ["Choose a username: alice\nChoose a password (8+ characters): ********\nAccount 'alice' created; log in with 1.",
                     "a password needs at least 8 characters, got 5",
                     "Username: alice\nPassword: ********\nWelcome, alice.",
                     "  Star Wars (1977) [Action, Adventure, Romance, Sci-Fi, War]: 5\n",
                     "(model refitted with your 8 ratings: test RMSE 0.",
                     "Recommended for alice:\n   1. ",
                     "  5 stars  Star Wars (1977)",
                     "Logged out.",
                     "Log-in failed: wrong username or password.",
                     "Suggestions for a guest who likes Animation, Sci-Fi:\n   1. ",
                     "BiasedMF (ALS): test RMSE 0.",
                     "Choice: q\nGoodbye.\n"] {
            XCTAssertTrue(out.contains(line), "missing from the transcript: \(line)\n---\n\(out)")
        }
        XCTAssertFalse(out.contains("correct horse battery"), "passwords are never echoed")

        let stored = try String(contentsOfFile: store, encoding: .utf8)
        XCTAssertTrue(stored.contains("pbkdf2-sha256$600000$"), stored)
        XCTAssertFalse(stored.contains("correct horse battery"), "the store keeps hashes only")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int, 0o600)
        let report = try read(dir.appendingPathComponent("out/movie-recommender-app.md"))
        XCTAssertTrue(report.contains("Log-in failed: wrong username or password."), "the transcript is in the report")
    }
}
