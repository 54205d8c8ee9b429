import Foundation
import XCTest

final class CheckEndToEndTests: XCTestCase {
    func testCheckPassesAGoodNotebook() throws {
        let r = try runSwiftNB(["check", fixture("basic.swiftnb")])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("basic.swiftnb: ok"))
    }

    func testCheckListsEveryErrorWithoutRunning() throws {
        let r = try runSwiftNB(["check", fixture("errors.swiftnb"), "--param", "q=1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("unknown parameter 'q'; known parameters: k"), r.stdout)
        XCTAssertTrue(r.stdout.contains("errors.swiftnb:5:5: error: expected a name, found '=' (cell 2)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("errors.swiftnb:6:"), "parsing recovers and reports the next error too")
        XCTAssertTrue(r.stdout.contains("errors.swiftnb:9:7: error: cannot find 'undefinedName' in scope (cell 3)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("undefinedName"))
    }

    func testCheckOfAMissingFileExitsTwo() throws {
        let r = try runSwiftNB(["check", "/nonexistent.swiftnb"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("/nonexistent.swiftnb"))
    }
}
