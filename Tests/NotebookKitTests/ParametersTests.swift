import ScriptKit
import XCTest
@testable import NotebookKit

final class ParametersTests: XCTestCase {
    let notebook = Notebook(text: """
    // %% tags=["parameters"]
    let epochs = 200
    let rate = 0.5
    let verbose = false
    let name = "ml-100k"

    // %%
    print(epochs, rate, verbose, name)

    """)

    func testDeclaredParameters() throws {
        let declared = try Parameters.declared(in: notebook)
        XCTAssertEqual(declared.map(\.name), ["epochs", "rate", "verbose", "name"])
    }

    func testCoercionToTheDefaultsType() throws {
        let declared = try Parameters.declared(in: notebook)
        let values = try Parameters.coerce(Parameters.parseAssignments(["epochs=3", "rate=1e-3", "verbose=true", "name=ml-1m"]), to: declared)
        XCTAssertEqual(values.map { "\($0.value)" }, ["3", "0.001", "true", "ml-1m"])
        XCTAssertEqual("\(try XCTUnwrap(Parameters.coerce("2", like: .double(1))))", "2.0", "an Int text reads as a Double default")
        XCTAssertNil(Parameters.coerce("2.5", like: .int(1)))
        XCTAssertNil(Parameters.coerce("yes", like: .bool(true)))
        XCTAssertNil(Parameters.coerce("nan", like: .double(1)))
    }

    func testErrorsListKnownParameters() throws {
        let declared = try Parameters.declared(in: notebook)
        XCTAssertThrowsError(try Parameters.coerce([("epoch", "3")], to: declared)) { error in
            XCTAssertEqual("\(error)", "unknown parameter 'epoch'; known parameters: epochs, rate, verbose, name")
        }
        XCTAssertThrowsError(try Parameters.coerce([("epochs", "many")], to: declared)) { error in
            XCTAssertEqual("\(error)", "parameter 'epochs': 'many' is not a valid Int; known parameters: epochs, rate, verbose, name")
        }
        XCTAssertThrowsError(try Parameters.parseAssignments(["epochs"])) { error in
            XCTAssertEqual("\(error)", "--param 'epochs': expected name=value")
        }
    }

    func testRunnerAppliesOverridesAfterTheParametersCell() throws {
        var options = RunOptions()
        options.parameters = ["epochs=7", "name=x"]
        let report = try NotebookRunner.run(notebook, name: "p.swiftnb", options: options)
        XCTAssertFalse(report.failed)
        XCTAssertEqual(report.cells[1].outputs, [.text("7 0.5 false x\n")])
        XCTAssertEqual(report.overriddenParameters.map(\.name), ["epochs", "name"])
    }

    func testRunnerRejectsOverridesWithoutParametersCell() {
        var options = RunOptions()
        options.parameters = ["k=1"]
        XCTAssertThrowsError(try NotebookRunner.run(Notebook(text: "print(1)\n"), name: "x.swiftnb", options: options))
    }

    func testRunnerErrorPolicy() throws {
        let nb = Notebook(text: """
        // %% tags=["raises-exception"]
        let a = [1][2]
        // %%
        print("ran")
        // %%
        let b = [1][3]
        // %%
        print("after")
        // %% tags=["skip-execution"]
        print("skipped")

        """)
        let stopped = try NotebookRunner.run(nb, name: "e.swiftnb", options: RunOptions())
        XCTAssertEqual(stopped.cells.map(\.status), [.expectedError, .ok, .failed, .notRun, .notRun])
        XCTAssertTrue(stopped.failed)
        var options = RunOptions()
        options.allowErrors = true
        let allowed = try NotebookRunner.run(nb, name: "e.swiftnb", options: options)
        XCTAssertEqual(allowed.cells.map(\.status), [.expectedError, .ok, .failed, .ok, .skipped])
    }

    func testCheckerFindsErrorsAcrossCellsWithoutRunning() {
        let nb = Notebook(text: """
        // %% tags=["parameters"]
        let k = 1
        // %%
        let total = k + 1
        print("should not run")
        // %%
        print(total, missing)

        """)
        let problems = NotebookChecker.check(nb, parameters: ["z=1"])
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems[0].contains("unknown parameter 'z'"))
        XCTAssertTrue(problems[1].hasPrefix("cell 3:1:14: error:"), problems[1])
        let located = NotebookChecker.check(nb, name: "p.swiftnb")
        XCTAssertTrue(located[0].hasPrefix("p.swiftnb:7:14: error: cannot find 'missing' in scope (cell 3)"), located[0])
    }

    func testSlugs() {
        XCTAssertEqual(NotebookRunner.slug("Train the model!"), "train-the-model")
        XCTAssertNil(NotebookRunner.slug("!!!"))
        XCTAssertNil(NotebookRunner.slug(nil))
    }
}
