import Foundation
import XCTest

/// What a run of the `swiftnb` executable produced.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `swiftnb` executable with `arguments` in `directory`, feeding `input`.
/// `environment` adds variables (e.g. `SWIFTNB_TEST_HOOKS=1` for the crash tests).
func runSwiftNB(_ arguments: [String], in directory: URL? = nil, input: String? = nil,
                environment extra: [String: String] = [:],
                file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
    let executable = productsDirectory.appendingPathComponent("swiftnb")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
        XCTFail("swiftnb executable not built at \(executable.path)", file: file, line: line)
        throw CocoaError(.fileNoSuchFile)
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = directory?.path ?? NSTemporaryDirectory()
    environment.merge(extra) { $1 }
    process.environment = environment
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a full pipe cannot block the child.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Bytes filled in by another thread; read only after `DispatchGroup.wait()`.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// The folder holding the built products (the test bundle sits there).
var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    fatalError("no .xctest bundle")
    #else
    return Bundle.main.bundleURL
    #endif
}

/// The path of a fixture notebook.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// A fresh temporary folder, removed by the caller's `addTeardownBlock`.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

func read(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
}
