import Foundation
import XCTest
@testable import NotebookKit

/// Runs script cells through a `Session` and returns their printed text.
struct ScriptRunner {
    let session: Session

    init(figuresDirectory: String = NSTemporaryDirectory() + "swiftnb-bindings-\(UUID().uuidString)") {
        session = Session(figuresDirectory: figuresDirectory, figureStem: "test")
    }

    /// The text a cell printed; fails the test when the cell reports an error.
    @discardableResult
    func run(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = session.execute(code, origin: "cell")
        XCTAssertNil(r.error, "\(r.error.map { "\($0)" } ?? "")\n--- in:\n\(code)", file: file, line: line)
        return r.outputs.compactMap { item -> String? in
            if case .text(let t) = item { return t }
            return nil
        }.joined()
    }

    /// The error message of a cell that must fail.
    func error(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = session.execute(code, origin: "cell")
        XCTAssertNotNil(r.error, "expected an error from:\n\(code)", file: file, line: line)
        return r.error.map { "\($0)" } ?? ""
    }
}
