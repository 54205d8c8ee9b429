import XCTest
@testable import RecommenderKit

final class SplitTests: XCTestCase {
    /// 30 users x 12 items, user u rates items (u + j) % 12 for j < 5 + u % 6, timestamps increasing.
    func table() throws -> Interactions {
        var u = [String](), i = [String](), r = [Float](), t = [Int64]()
        for user in 0..<30 {
            for j in 0..<(5 + user % 6) {
                u.append("u\(user)"); i.append("i\((user + j) % 12)"); r.append(Float(1 + (user + j) % 5)); t.append(Int64(1000 * user + j))
            }
        }
        return try Interactions(rawUsers: u, rawItems: i, ratings: r, timestamps: t)
    }

    /// Row identities (user, item, timestamp) of a part.
    func keys(_ t: Interactions) -> [String] {
        (0..<t.count).map { "\(t.users[$0])/\(t.items[$0])/\(t.timestamps[$0])" }
    }

    func assertPartition(_ s: TrainTestSplit, _ whole: Interactions, file: StaticString = #filePath, line: UInt = #line) {
        let parts = [s.train, s.test] + (s.validation.map { [$0] } ?? [])
        let all = parts.flatMap(keys)
        XCTAssertEqual(Set(all).count, all.count, "parts overlap", file: file, line: line)
        XCTAssertEqual(Set(all), Set(keys(whole)), "parts do not cover the table", file: file, line: line)
        for p in parts { XCTAssertEqual(p.userVocabulary, whole.userVocabulary, file: file, line: line) }
    }

    func testRandomSplit() throws {
        let t = try table()
        let s = try t.randomSplit(testRatio: 0.2, seed: 1)
        assertPartition(s, t)
        XCTAssertEqual(s.test.count, Int(0.2 * Double(t.count)))
        XCTAssertEqual(keys(try t.randomSplit(testRatio: 0.2, seed: 1).test), keys(s.test))
        XCTAssertNotEqual(keys(try t.randomSplit(testRatio: 0.2, seed: 2).test), keys(s.test))
        let v = try t.randomSplit(testRatio: 0.1, validationRatio: 0.1, seed: 3)
        assertPartition(v, t)
        XCTAssertEqual(v.validation?.count, Int(0.1 * Double(t.count)))
        XCTAssertThrowsError(try t.randomSplit(testRatio: 1.5, seed: 1))
    }

    func testKFold() throws {
        let t = try table()
        let folds = try t.kFold(3, seed: 9)
        XCTAssertEqual(folds.count, 3)
        var tested = [String]()
        for f in folds { assertPartition(f, t); tested += keys(f.test) }
        XCTAssertEqual(tested.count, t.count)
        XCTAssertEqual(Set(tested).count, t.count)
        XCTAssertThrowsError(try t.kFold(1, seed: 1))
    }

    func testUserRatioSplitMatchesRecBoleCounts() throws {
        XCTAssertEqual(recBoleSplitCounts(10, [0.8, 0.1, 0.1]), [8, 1, 1])
        XCTAssertEqual(recBoleSplitCounts(5, [0.8, 0.1, 0.1]), [3, 1, 1])     // 0.5 rows -> one each
        XCTAssertEqual(recBoleSplitCounts(7, [0.8, 0.1, 0.1]), [5, 1, 1])
        XCTAssertEqual(recBoleSplitCounts(1, [0.8, 0.1, 0.1]), [1, 0, 0])
        let t = try table()
        let s = try t.userRatioSplit([0.8, 0.1, 0.1], seed: 4)
        assertPartition(s, t)
        let perUser = t.countsPerUser(), trainC = s.train.countsPerUser(), testC = s.test.countsPerUser()
        for u in 0..<t.userCount {
            let c = recBoleSplitCounts(perUser[u], [0.8, 0.1, 0.1])
            XCTAssertEqual(trainC[u], c[0]); XCTAssertEqual(testC[u], c[2])
        }
        XCTAssertEqual(keys(try t.userRatioSplit(seed: 4).test), keys(s.test))
    }

    func testHeldOutUsers() throws {
        let t = try table()
        let s = try t.heldOutUsers(validation: 5, test: 5, foldIn: 0.8, seed: 98765)
        XCTAssertEqual(s.trainUsers.count, 20); XCTAssertEqual(s.validation.users.count, 5); XCTAssertEqual(s.test.users.count, 5)
        let groups = [Set(s.trainUsers), Set(s.validation.users), Set(s.test.users)]
        XCTAssertTrue(groups[0].isDisjoint(with: groups[1]) && groups[1].isDisjoint(with: groups[2]) && groups[0].isDisjoint(with: groups[2]))
        XCTAssertEqual(Set(s.train.users.map(Int.init)), groups[0])
        // Every held-out user with n >= 5 rows has Int(0.2 n) of them held out.
        let fin = s.test.foldIn.countsPerUser(), hold = s.test.holdOut.countsPerUser()
        for u in s.test.users {
            let n = fin[u] + hold[u]
            XCTAssertEqual(hold[u], n >= 5 ? Int(0.2 * Double(n)) : 0)
        }
        XCTAssertEqual(s.itemCount, s.train.activeItemCount)   // items restricted to training items
        let m = try s.test.matrices()
        XCTAssertEqual(m.foldIn.rowCount, 5); XCTAssertEqual(m.holdOut.columnCount, s.itemCount)
        XCTAssertEqual(try s.trainMatrix().rowCount, 20)
        let again = try t.heldOutUsers(validation: 5, test: 5, seed: 98765)
        XCTAssertEqual(again.test.users, s.test.users)
        XCTAssertThrowsError(try t.heldOutUsers(validation: 20, test: 20, seed: 1))
    }

    func testTemporalSplit() throws {
        let t = try table()
        let s = try t.temporalSplit(testRatio: 0.2)
        assertPartition(s, t)
        XCTAssertLessThanOrEqual(s.train.timestamps.max() ?? 0, s.test.timestamps.min() ?? 0)
        let p = try t.temporalSplit(testRatio: 0.2, perUser: true)
        assertPartition(p, t)
        for (u, rows) in p.test.rowsByUser().enumerated() where !rows.isEmpty {
            let trainMax = p.train.rowsByUser()[u].map { p.train.timestamps[$0] }.max() ?? 0
            XCTAssertLessThanOrEqual(trainMax, rows.map { p.test.timestamps[$0] }.min() ?? 0)
        }
    }

    func testLeaveOneOut() throws {
        let t = try table()
        let s = t.leaveOneOut(validation: true)
        assertPartition(s, t)
        XCTAssertEqual(s.test.count, 30); XCTAssertEqual(s.validation?.count, 30)
        XCTAssertTrue(s.test.countsPerUser().allSatisfy { $0 == 1 })
        // The test row is each user's latest.
        for r in 0..<s.test.count {
            let u = Int(s.test.users[r])
            XCTAssertEqual(s.test.timestamps[r], Int64(1000 * u + 4 + u % 6))
        }
    }

    func testRecBoleFilesRoundTrip() throws {
        let t = try table()
        let s = try t.userRatioSplit([0.8, 0.1, 0.1], seed: 5)
        let dir = try Fixtures.folder([:])
        try s.write(to: dir, name: "tiny")
        let back = try TrainTestSplit.readRecBole(directory: dir, name: "tiny")
        func raw(_ x: Interactions) -> [String] {
            (0..<x.count).map { "\(x.userVocabulary.ids[Int(x.users[$0])])/\(x.itemVocabulary.ids[Int(x.items[$0])])/\(x.ratings[$0])/\(x.timestamps[$0])" }
        }
        XCTAssertEqual(raw(back.train), raw(s.train))
        XCTAssertEqual(raw(back.test), raw(s.test))
        XCTAssertEqual(raw(back.validation!), raw(s.validation!))
        XCTAssertEqual(back.train.userVocabulary, back.test.userVocabulary)
        let text = try String(contentsOf: dir.appendingPathComponent("tiny.test.inter"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("user_id:token\titem_id:token\trating:float\ttimestamp:float\n"))
    }
}
