import Foundation
import RecommenderKit
import ScriptKit
import XCTest
@testable import NotebookKit

/// Preprocessing and splitting through the bindings, checked against the same Swift calls.
final class RecommenderDataSplitTests: XCTestCase {
    func testPreprocessingMatchesSwift() throws {
        let r = try RecDataFixture.data().ratings
        let out = recDataRun(Session(), """
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let b = r.binarized(atLeast: 4)
            let n = r.binarized(atLeast: 4, keepNegatives: true)
            let f = r.filteredByMinCount(users: 10, items: 10)
            let g = r.filteredByMinCount(items: 12, iterative: false)
            let u = r.undersampledByRating(seed: 3)
            print(b.count, n.count, f.count, f.userCount, f.itemCount, g.count, u.count)
            let c = r.subset([0, 1, 2]).compacted()
            print(c.userCount, c.itemCount, c.items, c.users)
            let kept = r.restrictingItems(to: [0, 1, 2])
            print(kept.count, kept.itemCount)
            let s = try r.scaled(from: 1, to: 5)
            print(s.ratings.prefix(3))
            let high = r.filter { $0.rating >= 4 }
            print(high.count, try r.withRatings(r.ratings.map { $0 * 2 }).ratings.prefix(2))
            print(try r.subset([0]).appending(r.subset([1])).count)
            """)
        let f = r.filteredByMinCount(users: 10, items: 10)
        let c = r.subset([0, 1, 2]).compacted()
        let kept = r.restrictingItems(to: [0, 1, 2])
        XCTAssertEqual(out, """
            \(r.binarized(atLeast: 4).count) \(r.binarized(atLeast: 4, keepNegatives: true).count) \(f.count) \(f.userCount) \(f.itemCount) \(r.filteredByMinCount(items: 12, iterative: false).count) \(r.undersampledByRating(seed: 3).count)
            \(c.userCount) \(c.itemCount) \(c.items) \(c.users)
            \(kept.count) \(kept.itemCount)
            \(Array(try r.scaled(from: 1, to: 5).ratings.prefix(3)))
            \(r.filter { $0.rating >= 4 }.count) \(Array(try r.withRatings(r.ratings.map { $0 * 2 }).ratings.prefix(2)))
            2

            """)
    }

    func testSplitsMatchSwift() throws {
        let r = try RecDataFixture.data().ratings
        let out = recDataRun(Session(), """
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let rs = try r.randomSplit(testRatio: 0.2, seed: 1)
            let ts = try r.temporalSplit(testRatio: 0.2, validationRatio: 0.1, perUser: true)
            let loo = r.leaveOneOut()
            let urs = try r.userRatioSplit([0.8, 0.2], seed: 2)
            let kf = try r.kFold(3, seed: 4)
            print(rs.train.count, rs.test.count, rs.validation == nil, ts.validation?.count ?? -1, loo.test.count, urs.train.count, urs.name)
            print(kf.map { $0.test.count }, rs.userCount, rs.itemCount)
            let ho = try r.heldOutUsers(validation: 5, test: 5, seed: 5)
            let uf = try r.userFolds(3, validation: 3, seed: 6)
            print(ho.test.users, ho.trainUsers.count, ho.itemCount, ho.test.holdOutLists.userCount, ho.validation.foldInLists.indices.count)
            let m = try ho.test.matrices()
            let task = try RankingTask(ho.test)
            print(uf.count, uf[0].test.users.count, task.userCount, task.relevant == ho.test.holdOutLists)
            """)
        let rs = try r.randomSplit(testRatio: 0.2, seed: 1)
        let ts = try r.temporalSplit(testRatio: 0.2, validationRatio: 0.1, perUser: true)
        let urs = try r.userRatioSplit([0.8, 0.2], seed: 2)
        let ho = try r.heldOutUsers(validation: 5, test: 5, seed: 5)
        let uf = try r.userFolds(3, validation: 3, seed: 6)
        XCTAssertEqual(out, """
            \(rs.train.count) \(rs.test.count) true \(ts.validation?.count ?? -1) \(r.leaveOneOut().test.count) \(urs.train.count) \(urs.name)
            \(try r.kFold(3, seed: 4).map(\.test.count)) \(rs.userCount) \(rs.itemCount)
            \(ho.test.users) \(ho.trainUsers.count) \(ho.itemCount) \(ho.test.holdOutLists.userCount) \(ho.validation.foldInLists.indices.count)
            \(uf.count) \(uf[0].test.users.count) \(try RankingTask(ho.test).userCount) true

            """)
    }

    func testRecBoleFilesRoundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = recDataRun(Session(), """
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let rs = try r.randomSplit(testRatio: 0.2, validationRatio: 0.1, seed: 1)
            let split = try TrainTestSplit(name: "mine", train: rs.train, validation: rs.validation, test: rs.test)
            let folder = URL(fileURLWithPath: "\(dir.path)")
            try split.write(to: folder, name: "x")
            let back = try TrainTestSplit.readRecBole(directory: folder, name: "x")
            print(back.train.count == rs.train.count, back.validation!.count == rs.validation!.count, back.test.count == rs.test.count)
            let table = try RecBoleAtomic.parseTable(try Data(contentsOf: folder.appendingPathComponent("x.test.inter")), file: "x.test.inter")
            print(table.names, table.types, table.rows.count == rs.test.count, table.textTable.columns)
            let loaded = try RecBoleAtomic.load(directory: folder, name: "x.train")
            print(loaded.ratings.count == rs.train.count)
            """)
        XCTAssertEqual(out, """
            true true true
            ["user_id", "item_id", "rating", "timestamp"] ["token", "token", "float", "float"] true ["user_id", "item_id", "rating", "timestamp"]
            true

            """)
    }

    func testSplitErrorsThrowInsteadOfTrapping() {
        let bad = recDataError("""
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let s = try r.kFold(1, seed: 1)
            """)
        XCTAssertTrue(bad.contains("folds"), bad)
        let users = recDataError("""
            var ho = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings.heldOutUsers(validation: 2, test: 2, seed: 1)
            ho.test.users = [999]
            print(ho.test.holdOutLists.userCount)
            """)
        XCTAssertTrue(users.contains("FoldInSet.holdOutLists: expected users in 0..<30, got 999"), users)
        let vocabulary = recDataError("let v = Vocabulary([\"a\"]).subset([3])")
        XCTAssertTrue(vocabulary.contains("Vocabulary.subset(_:): expected indices in 0..<1, got 3"), vocabulary)
        let wide = recDataError("let v = Vocabulary([\"a\"]).subset([5000000000])")
        XCTAssertTrue(wide.contains("out of range"), wide)
    }
}
