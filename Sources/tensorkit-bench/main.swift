// tensorkit-bench: TensorKit against direct OpenBLAS calls and PyTorch reference numbers,
// measured side by side in one run. Build in release: `swift run -c release tensorkit-bench`.
import CBLAS
import Foundation
import TensorKit

let now = BLASStatistics.now

/// Median seconds of `body` over `repeats` runs after one warm-up.
func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let t0 = now()
        try body()
        times.append(now() - t0)
    }
    return times.sorted()[times.count / 2]
}

/// Alternates `a` and `b` so both see the same machine load; returns their medians.
func sideBySide(_ repeats: Int, _ a: () throws -> Void, _ b: () throws -> Void) rethrows -> (Double, Double) {
    try a(); try b()
    var ta: [Double] = [], tb: [Double] = []
    for _ in 0..<repeats {
        var t0 = now(); try a(); ta.append(now() - t0)
        t0 = now(); try b(); tb.append(now() - t0)
    }
    return (ta.sorted()[repeats / 2], tb.sorted()[repeats / 2])
}

func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

var rng = SeededGenerator(seed: 2018)
// `tensorkit-bench vae N` runs only the Mult-VAE step, N times (for profiling).
let onlyVAE = CommandLine.arguments.dropFirst().first == "vae"
let vaeSteps = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 5 : 5
print("tensorkit-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, OpenBLAS threads: \(openblas_get_num_threads())")
print("(times are medians of alternating runs; other processes may share the cores)\n")

// 1. Tensor.matmul against cblas_sgemm on the same buffers.
if !onlyVAE {
    let n = 1024
    let a = try Tensor.normal([n, n], generator: &rng), b = try Tensor.normal([n, n], generator: &rng)
    var c = try Tensor.zeros([n, n])
    let (direct, api) = sideBySide(15, {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1,
                                pa.baseAddress, Int32(n), pb.baseAddress, Int32(n), 0, pc.baseAddress, Int32(n))
                }
            }
        }
    }, { _ = try! a.matmul(b) })
    let gflop = 2 * Double(n * n * n) / 1e9
    print("1. matmul 1024x1024x1024")
    print("   cblas_sgemm direct: \(f(direct * 1e3)) ms (\(f(gflop / direct, 1)) GFLOP/s)")
    print("   Tensor.matmul:      \(f(api * 1e3)) ms (\(f(gflop / api, 1)) GFLOP/s)")
    print("   ratio direct/Tensor: \(f(direct / api, 3))  (target >= 0.95)\n")
}

/// A random batch of `rows` x `columns` with `perRow` ones per row.
func randomClicks(rows: Int, columns: Int, perRow: Int, generator: inout SeededGenerator) throws -> SparseMatrix {
    var entries: [(row: Int, column: Int, value: Float)] = []
    for r in 0..<rows {
        var seen = Set<Int>()
        while seen.count < perRow { seen.insert(Int(generator.next() % UInt64(columns))) }
        for c in seen { entries.append((r, c, 1)) }
    }
    return try SparseMatrix(rows: rows, columns: columns, entries: entries)
}

// 2. Sparse x dense against densify-then-sgemm.
let items = 20_000, batch = 500, hidden = 600, latent = 200
let clicks = try randomClicks(rows: batch, columns: items, perRow: 72, generator: &rng)   // 0.36 %
if !onlyVAE {
    let w = try Tensor.normal([items, hidden], std: 0.01, generator: &rng)
    let (sparse, dense) = try sideBySide(9, { _ = try clicks.matmul(w) },
                                          { _ = try clicks.toDense().matmul(w) })
    let useful = 2 * Double(clicks.nnz * hidden) / 1e9
    let full = 2 * Double(batch * items * hidden) / 1e9
    print("2. sparse [500 x 20000, \(clicks.nnz) nnz = \(f(100 * Double(clicks.nnz) / Double(batch * items)))%] x dense [20000 x 600]")
    print("   SparseMatrix.matmul:     \(f(sparse * 1e3, 3)) ms (\(f(useful / sparse, 1)) GFLOP/s on the non-zeros)")
    print("   toDense + sgemm:         \(f(dense * 1e3, 3)) ms (\(f(full / dense, 1)) GFLOP/s dense)")
    print("   speed-up sparse/dense:   \(f(dense / sparse, 1))x\n")
}

// 3. One Mult-VAE training step [20000 -> 600 -> 200 -> 600 -> 20000].
do {
    let encoder = try Linear(items, hidden, generator: &rng)
    let toLatent = try Linear(hidden, 2 * latent, generator: &rng)
    let decoder = try Linear(latent, hidden, generator: &rng)
    let output = try Linear(hidden, items, generator: &rng)
    let dropout = try Dropout(rate: 0.5, seed: 1)
    let parameters = [encoder, toLatent, decoder, output].flatMap(\.parameters)
    let adam = try Adam(parameters, learningRate: 1e-3)
    let normalised = clicks.rowNormalizedL2()
    var noise = SeededGenerator(seed: 7)
    var forward = 0.0, backward = 0.0, update = 0.0, blas = 0.0
    func step() throws {
        let t0 = now()
        BLASStatistics.reset()
        let h = try encoder(dropout(normalised)).tanh()
        let stats = try toLatent(h)
        let mu = try stats.slice(axis: 1, 0..<latent), logVariance = try stats.slice(axis: 1, latent..<(2 * latent))
        let eps = try Tensor.normal(mu.shape, generator: &noise)
        let z = try mu + eps * (logVariance * 0.5).exp()
        let logits = try output(try decoder(z).tanh())
        let loss = try Loss.multinomialNLL(logits: logits, targets: clicks) + Loss.gaussianKL(mean: mu, logVariance: logVariance) * 0.2
        let t1 = now()
        adam.zeroGrad()
        try loss.backward()
        let t2 = now()
        adam.step()
        let t3 = now()
        forward += t1 - t0; backward += t2 - t1; update += t3 - t2; blas += BLASStatistics.seconds
    }
    BLASStatistics.isEnabled = true
    try step()
    forward = 0; backward = 0; update = 0; blas = 0
    let steps = vaeSteps
    let t0 = now()
    for _ in 0..<steps { try step() }
    let perStep = (now() - t0) / Double(steps)
    BLASStatistics.isEnabled = false

    // The BLAS floor on this machine right now: the three 600 x 20000 products alone.
    let h = try Tensor.normal([batch, hidden], generator: &rng), g = try Tensor.normal([batch, items], generator: &rng)
    let w = output.weight.value
    let floor = try median(3) {
        _ = try h.matmul(w)
        _ = try h.matmul(g, transposeSelf: true)
        _ = try g.matmul(w, transposeOther: true)
    }
    let flops = 3 * 2 * Double(batch * hidden * items) / 1e9
    print("3. Mult-VAE training step, batch 500, [20000 -> 600 -> 200 -> 600 -> 20000], sparse input, Adam")
    print("   step:        \(f(perStep * 1e3, 1)) ms  (forward \(f(forward / Double(steps) * 1e3, 1)), backward \(f(backward / Double(steps) * 1e3, 1)), Adam \(f(update / Double(steps) * 1e3, 1)))")
    print("   BLAS share:  \(f(100 * blas / Double(steps) / perStep, 1))% of the step in sgemm")
    print("   BLAS floor:  \(f(floor * 1e3, 1)) ms for the three 500x600x20000 GEMMs alone (\(f(flops / floor, 1)) GFLOP/s); step/floor = \(f(perStep / floor, 2))")
    print("   vs PyTorch 2 threads, sparse first layer (0.71 s, measured earlier on this machine): \(f(0.71 / perStep, 2))x faster; target <= 0.46 s")
}
