import XCTest
import Foundation
import TensorKit
import TestSupport

final class SafetensorsTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func sampleTensors() throws -> [String: Tensor] {
        ["b.weight": try Tensor([[1, 2, 3], [4, 5, 6]]), "a": Tensor([0.5]), "scalar\"q": Tensor(scalar: -1)]
    }

    func testRoundTrip() throws {
        let url = directory.appendingPathComponent("t.safetensors")
        try Safetensors.save(sampleTensors(), to: url, metadata: ["format": "pt"])
        let loaded = try Safetensors.load(from: url)
        XCTAssertEqual(loaded, try sampleTensors())
    }

    func testHeaderIsValidJSONWithCorrectOffsets() throws {
        let data = Safetensors.encode(try sampleTensors())
        let bytes = [UInt8](data)
        let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        XCTAssertEqual(n % 8, 0)
        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + n)])) as? [String: Any])
        var spans: [(Int, Int)] = []
        for (name, tensor) in try sampleTensors() {
            let entry = try XCTUnwrap(header[name] as? [String: Any])
            XCTAssertEqual(entry["dtype"] as? String, "F32")
            XCTAssertEqual(entry["shape"] as? [Int], tensor.shape)
            let offsets = try XCTUnwrap(entry["data_offsets"] as? [Int])
            XCTAssertEqual(offsets[1] - offsets[0], tensor.count * 4)
            spans.append((offsets[0], offsets[1]))
            let floats = (0..<tensor.count).map { i -> Float in
                let at = 8 + n + offsets[0] + 4 * i
                return Float(bitPattern: bytes[at..<(at + 4)].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) })
            }
            XCTAssertEqual(floats, tensor.scalars)
        }
        // The data section is exactly covered, without gaps or overlaps.
        spans.sort { $0.0 < $1.0 }
        XCTAssertEqual(spans.first?.0, 0)
        for (a, b) in zip(spans, spans.dropFirst()) { XCTAssertEqual(a.1, b.0) }
        XCTAssertEqual(spans.last?.1, bytes.count - 8 - n)
    }

    func testCorruptFilesThrow() {
        assertThrowsTensorError("shorter than") { try Safetensors.decode(Data([1, 2])) }
        var bad = Data()
        withUnsafeBytes(of: UInt64(1000).littleEndian) { bad.append(contentsOf: $0) }
        assertThrowsTensorError("exceeds the file size") { try Safetensors.decode(bad) }
        let header = Array(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,12]}}"#.utf8)
        var wrong = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { wrong.append(contentsOf: $0) }
        wrong.append(contentsOf: header + [UInt8](repeating: 0, count: 12))
        assertThrowsTensorError("do not fit shape [2]") { try Safetensors.decode(wrong) }
    }

    func testModuleSaveAndLoad() throws {
        var rng = SeededGenerator(seed: 1)
        let model = Sequential(try Linear(3, 4, generator: &rng), try BatchNorm1d(4))
        let url = directory.appendingPathComponent("m.safetensors")
        try model.save(to: url)
        var other = SeededGenerator(seed: 2)
        let copy = Sequential(try Linear(3, 4, generator: &other), try BatchNorm1d(4))
        try copy.load(from: url)
        for (a, b) in zip(model.namedState, copy.namedState) { XCTAssertEqual(a.parameter.value, b.parameter.value, a.name) }
        let wrong = Sequential(try Linear(3, 5, generator: &other))
        assertThrowsTensorError("'0.weight' has a different shape") { try wrong.load(from: url) }
    }

    /// Reads our file with Python's `safetensors` when it is installed; skipped otherwise.
    func testPythonSafetensorsReadsOurFile() throws {
        let url = directory.appendingPathComponent("py.safetensors")
        try Safetensors.save(try sampleTensors(), to: url)
        let script = """
        import sys
        try:
            from safetensors.numpy import load_file
        except Exception:
            sys.exit(77)
        t = load_file(sys.argv[1])
        assert t["b.weight"].shape == (2, 3) and t["b.weight"].dtype.name == "float32"
        assert t["b.weight"].tolist() == [[1, 2, 3], [4, 5, 6]] and t["a"].tolist() == [0.5]
        print("ok")
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        do { try process.run() } catch { throw XCTSkip("python3 is not available") }
        process.waitUntilExit()
        if process.terminationStatus == 77 || process.terminationStatus == 127 {
            throw XCTSkip("python safetensors is not installed")
        }
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
