import FileKit
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
    var folder = ""

    override func setUp() {
        folder = NSTemporaryDirectory() + "filekit-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func testWriteCreatesFoldersReplacesAndLeavesNoTemporaryFile() throws {
        let path = folder + "/a/b/out.txt"
        try AtomicFile.write("old", to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b"), ["out.txt"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual((mode ?? 0) & 0o444, 0o444, "readable by all, not mkstemp's 0600")
    }

    func testStagedFileReplacesOnlyOnCommit() throws {
        let path = folder + "/report.md"
        try AtomicFile.write([UInt8]("old".utf8), to: path)
        let staged = try AtomicFile.stage(Array("new".utf8), for: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old", "nothing changes before commit")
        XCTAssertEqual(try entries().count, 2)
        try staged.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        let discarded = try AtomicFile.stage(Array("never".utf8), for: path)
        discarded.discard()
        XCTAssertEqual(try entries(), ["report.md"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
    }

    func testErrorsNameThePathAndTheReason() throws {
        XCTAssertThrowsError(try AtomicFile.write("x", to: "/proc/definitely/not/here.md")) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write '/proc/definitely/not"), "\(error)")
        }
        XCTAssertThrowsError(try AtomicFile.write("x", to: "")) { error in
            XCTAssertEqual(error as? FileWriteError, FileWriteError(path: "", reason: "the path is empty"))
        }
        try AtomicFile.write("x", to: folder + "/file")
        XCTAssertThrowsError(try AtomicFile.write("x", to: folder + "/file/inside")) { error in
            XCTAssertTrue("\(error)".contains("a file of that name is in the way"), "\(error)")
        }
    }
}
