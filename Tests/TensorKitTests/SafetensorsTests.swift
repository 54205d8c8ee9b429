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

    /// A safetensors file with the given header text and data bytes.
    func file(_ header: String, _ body: [UInt8]) -> Data {
        var data = Data()
        let h = Array(header.utf8)
        withUnsafeBytes(of: UInt64(h.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: h + body)
        return data
    }

    /// The little-endian bytes of `values`.
    func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    }

    /// A PyTorch `BatchNorm1d(2)` state dict as `save_file` writes it: F32 weights and an
    /// I64 `num_batches_tracked`; plus F16, BF16, F64 and I32 entries.
    func testReadsEveryDTypeOfAPyTorchStateDict() throws {
        let f32 = bytes([Float(1.5).bitPattern, Float(-2).bitPattern])
        let f16 = bytes([UInt16(0x3C00), 0xC100, 0x0001, 0x7C00])      // 1, -2.5, 2^-24, inf
        let bf16 = bytes([UInt16(0x3FC0), 0xC040])                     // 1.5, -3
        let f64 = bytes([Double(0.1).bitPattern])
        let i64 = bytes([Int64(7)]), i32 = bytes([Int32(-3), 1 << 30])
        let header = """
        {"__metadata__":{"format":"pt"},"bn.weight":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},\
        "h":{"dtype":"F16","shape":[2,2],"data_offsets":[8,16]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[16,20]},\
        "d":{"dtype":"F64","shape":[],"data_offsets":[20,28]},\
        "bn.num_batches_tracked":{"dtype":"I64","shape":[],"data_offsets":[28,36]},\
        "ids":{"dtype":"I32","shape":[2],"data_offsets":[36,44]}}
        """
        let data = file(header, f32 + f16 + bf16 + f64 + i64 + i32)
        let contents = try Safetensors.decodeContents(data)
        XCTAssertEqual(contents.tensors["bn.weight"]?.scalars, [1.5, -2])
        XCTAssertEqual(contents.tensors["h"]?.shape, [2, 2])
        XCTAssertEqual(contents.tensors["h"]?.scalars, [1, -2.5, 0x1p-24, .infinity])
        XCTAssertEqual(contents.tensors["b"]?.scalars, [1.5, -3])
        XCTAssertEqual(contents.tensors["d"]?.scalars, [Float(0.1)])
        XCTAssertEqual(contents.integers["bn.num_batches_tracked"], IntegerTensor(shape: [], values: [7], dtype: "I64"))
        XCTAssertEqual(contents.integers["ids"]?.values, [-3, 1 << 30])
        XCTAssertEqual(contents.metadata, ["format": "pt"])
        XCTAssertEqual(contents.notes, ["'d': F64 narrowed to Float32"])
        // The float-only reader refuses integers unless asked to leave them out.
        assertThrowsTensorError("entry 'bn.num_batches_tracked' holds integers (I64)") { try Safetensors.decode(data) }
        XCTAssertEqual(try Safetensors.decode(data, skippingIntegers: true).keys.sorted(), ["b", "bn.weight", "d", "h"])
    }

    /// Offsets must tile the data section in order, as the reference implementation checks.
    func testOverlappingGappedOrIncompleteOffsetsAreRejected() {
        let eight = [UInt8](repeating: 0, count: 8)
        let overlap = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}"#
        assertThrowsTensorError("invalid offset for tensor 'b'") { try Safetensors.decode(self.file(overlap, eight)) }
        let same = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        assertThrowsTensorError("invalid offset for tensor") { try Safetensors.decode(self.file(same, eight)) }
        let gap = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        assertThrowsTensorError("invalid offset for tensor 'a'") { try Safetensors.decode(self.file(gap, eight)) }
        let short = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        assertThrowsTensorError("the entries cover 4 bytes but the data section has 8") {
            try Safetensors.decode(self.file(short, eight))
        }
        let unknown = #"{"a":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}}"#
        assertThrowsTensorError("has dtype F8_E4M3; expected F32") { try Safetensors.decode(self.file(unknown, eight)) }
    }

    /// A module loads a PyTorch state dict that also holds an integer counter it lacks.
    func testModuleLoadIgnoresPyTorchIntegerBuffers() throws {
        let bn = try BatchNorm1d(2)
        var tensors: [String: Tensor] = [:]
        for (name, p) in bn.namedState { tensors[name] = try Tensor.full(p.shape, value: 0.25) }
        let floats = Safetensors.encode(tensors)
        // Append an I64 counter entry by rewriting the header.
        let n = Int(floats[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        var header = String(decoding: floats[8..<(8 + n)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let dataCount = floats.count - 8 - n
        header.removeLast()
        header += #","num_batches_tracked":{"dtype":"I64","shape":[],"data_offsets":[\#(dataCount),\#(dataCount + 8)]}}"#
        let url = directory.appendingPathComponent("bn.safetensors")
        try file(header, Array(floats[(8 + n)...]) + bytes([Int64(3)])).write(to: url)
        try bn.load(from: url)
        for (name, p) in bn.namedState { XCTAssertEqual(p.value.scalars, [0.25, 0.25], name) }
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
