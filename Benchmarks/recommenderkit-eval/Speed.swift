import Foundation
import RecommenderKit
import TensorKit

/// `recommenderkit-eval speed`: Mult-VAE training time against the same model in PyTorch
/// (multvae_torch.py) on the same machine and threads, run one after the other:
/// an epoch on ML-100K, and a step on ML-20M-sized batches (20,000 items, 0.37% density,
/// batch 500) beside the step's BLAS floor (its three 500 x 600 x 20,000 GEMMs alone).
func runSpeed(steps: Int, epochs: Int, dataRoot: URL?) throws {
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
    print("recommenderkit-eval speed: \(threads) cores, PyTorch with THREADS=\(threads); load average at start \(load)")

    // 1. ML-100K epochs (ratings >= 4, every user, batch 500, no validation).
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let clicks = data.ratings.binarized(atLeast: 4).compacted()
    let vae = try MultVAE(MultVAE.Configuration(epochs: epochs + 1))
    let history = try vae.fit(clicks)
    let ours100k = median(history.epochs.dropFirst().map(\.seconds))
    let inter = (dataRoot ?? MovieLens.defaultDataRoot).appendingPathComponent("ml-100k/ml-100k.inter")
    let torch100k = try torchTimes(["ml100k", inter.path, String(epochs)])["ml100k_epoch"] ?? .nan

    // 2. Steps on synthetic ML-20M-sized batches.
    let items = 20_000, batch = 500, perRow = 74
    var rng = SeededGenerator(seed: 7)
    var entries: [(row: Int, column: Int, value: Float)] = []
    for r in 0..<(batch * (steps + 1)) {
        var seen = Set<Int>()
        while seen.count < perRow { seen.insert(Int(rng.next() % UInt64(items))) }
        for c in seen.sorted() { entries.append((r, c, 1)) }
    }
    let synthetic = try SparseMatrix(rows: batch * (steps + 1), columns: items, entries: entries)
    var stamps: [Double] = []
    let big = try MultVAE(MultVAE.Configuration(epochs: 1))
    try big.fit(synthetic, options: FitOptions(progress: { stamps.append($0.elapsed) }))
    let ourStep = median(zip(stamps.dropFirst(), stamps).map { $0 - $1 })
    let floor = try gemmFloor(items: items, batch: batch, hidden: 600, repeats: steps)
    let torch = try torchTimes(["synthetic", String(items), String(batch), String(perRow), String(steps)])
    let dense = torch["dense_step"] ?? .nan, sparse = torch["sparse_step"] ?? .nan
    let faster = min(dense, sparse)

    // 3. EASE on ML-20M-sized item counts: 136,000 users x 20,000 items, 0.37% dense.
    let synth = try SyntheticData.generate(SyntheticConfiguration(users: 136_000, items: 20_000, ratings: 10_000_000, seed: 11))
    let x = try synth.ratings.sparseMatrix(values: .ones, duplicates: .last)
    let ease = try EASE()
    let easeStart = Date()
    try ease.fit(x)
    let easeSeconds = Date().timeIntervalSince(easeStart)

    func f(_ x: Double) -> String { String(format: "%.1f", x * 1000) + " ms" }
    func r(_ x: Double) -> String { String(format: "%.2f", x) }
    print("")
    print("| measurement | RecommenderKit | PyTorch \(torchVersion()) | ratio (ours / PyTorch) | target |")
    print("| --- | --- | --- | --- | --- |")
    print("| Mult-VAE epoch, ML-100K (942 users x 1,447 items, batch 500) | \(f(ours100k)) | \(f(torch100k)) dense | \(r(ours100k / torch100k)) | - |")
    print("| Mult-VAE step, batch 500 x 20,000 items, 0.37% dense | \(f(ourStep)) | dense \(f(dense)), torch.sparse \(f(sparse)) | \(r(ourStep / faster)) | <= 0.30 |")
    print("| the step's BLAS floor (3 GEMMs 500 x 600 x 20,000) | \(f(floor)) | | step / floor = \(r(ourStep / floor)) | <= 1.30 |")
    print("| EASE fit, \(x.rowCount) users x \(x.columnCount) items, \(x.nnz) interactions | \(String(format: "%.1f", easeSeconds)) s | | | < 60 s |")
}

/// The median of `values` (NaN when empty).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    return values.sorted()[values.count / 2]
}

/// Median seconds of the three GEMMs of the output layer's forward and backward pass.
func gemmFloor(items: Int, batch: Int, hidden: Int, repeats: Int) throws -> Double {
    var rng = SeededGenerator(seed: 3)
    let h = try Tensor.normal([batch, hidden], generator: &rng), g = try Tensor.normal([batch, items], generator: &rng)
    let w = try Tensor.normal([hidden, items], generator: &rng)
    var times: [Double] = []
    for _ in 0...repeats {
        let t = Date()
        _ = try h.matmul(w)
        _ = try h.matmul(g, transposeSelf: true)
        _ = try g.matmul(w, transposeOther: true)
        times.append(Date().timeIntervalSince(t))
    }
    return median(Array(times.dropFirst()))
}

/// Runs multvae_torch.py with `arguments` and returns its `key seconds` lines.
func torchTimes(_ arguments: [String]) throws -> [String: Double] {
    let output = try runPython("multvae_torch.py", arguments, hint: "pip install torch",
                               environment: ["THREADS": String(ProcessInfo.processInfo.activeProcessorCount)])
    var out: [String: Double] = [:]
    for line in output.split(separator: "\n") {
        let f = line.split(separator: " ")
        if f.count == 2, let v = Double(f[1]) { out[String(f[0])] = v }
    }
    return out
}

/// The installed PyTorch version, or "?".
func torchVersion() -> String {
    let v = try? runPython("-c", ["import torch; print(torch.__version__.split('+')[0])"], hint: "")
    return v?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
}

/// Runs `python3 SCRIPT ARGUMENTS` (a script beside this file, or `-c`) and returns its
/// standard output; a non-zero exit is an error that names the script and `hint`.
func runPython(_ script: String, _ arguments: [String], hint: String, environment: [String: String] = [:]) throws -> String {
    let path = script == "-c" ? script
        : URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(script).path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ModelError(script, "exited with status \(process.terminationStatus) (\(hint))")
    }
    return output
}
