import Foundation
import XCTest

/// `swiftnb data fetch | list`: a failed fetch is an environment failure (exit 2, as
/// elsewhere in the CLI), and what is at data/NAME is checked, not just seen.
final class DataEndToEndTests: XCTestCase {
    func testFailedFetchExitsTwoWithAMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snb-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data/ml-1m"), withIntermediateDirectories: true)
        try Data("plain".utf8).write(to: dir.appendingPathComponent("data/ml-20m"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let unknown = try runSwiftNB(["data", "fetch", "no-such-dataset"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown dataset \"no-such-dataset\""), unknown.stderr)
        let plain = try runSwiftNB(["data", "fetch", "ml-20m"], in: dir)
        XCTAssertEqual(plain.status, 2)
        XCTAssertTrue(plain.stderr.contains("is a file, not a dataset folder"), plain.stderr)
        let list = try runSwiftNB(["data", "list"], in: dir)
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("ml-1m: not usable: "), list.stdout)
        XCTAssertTrue(list.stdout.contains("is an empty folder"), list.stdout)
        XCTAssertTrue(list.stdout.contains("ml-20m: not usable: "), list.stdout)
    }
}
