// recommenderkit-bench: RecommenderKit's data layer against the Python tools it replaces,
// measured side by side in one run (release build):
//   1. parsing an ML-20M-sized ratings.csv (138,000 users x 27,000 items, 20,000,000
//      ratings, synthetic, written once to a temp folder) vs pandas.read_csv;
//   2. NDCG@100 + Recall@20/50 over 10,000 users x 20,000 item scores vs NumPy with
//      argpartition (dawenl/vae_cf's functions).
// Usage: swift run -c release recommenderkit-bench [--small] [--csv-only | --metrics-only]
import Foundation
import RecommenderKit

let args = Set(CommandLine.arguments.dropFirst())
let small = args.contains("--small")
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let scripts = root.appendingPathComponent("Benchmarks")

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
}

/// Runs a Python script and returns its `key value` lines.
func python(_ script: String, _ arguments: [String]) throws -> [String: String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", scripts.appendingPathComponent(script).path] + arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
        throw DataError("\(script) failed (status \(p.terminationStatus)); is numpy/pandas installed? (pip install pandas)")
    }
    var result = [String: String]()
    for line in String(decoding: out, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1)
        if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
    }
    return result
}

func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }

// `--parse PATH`: parse one ratings.csv and exit (for profilers).
if let i = CommandLine.arguments.firstIndex(of: "--parse"), i + 1 < CommandLine.arguments.count {
    let url = URL(fileURLWithPath: CommandLine.arguments[i + 1])
    var rows = 0
    let t = try seconds { rows = try MovieLensCSV.parseRatings(Data(contentsOf: url, options: .alwaysMapped)).count }
    print("\(rows) rows in \(f(t)) s")
    exit(0)
}

print("recommenderkit-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores (\(small ? "small sizes" : "full sizes"))")

// MARK: ratings.csv parse vs pandas

if !args.contains("--metrics-only") {
    let config = small ? SyntheticConfiguration(users: 13_800, items: 2_700, ratings: 1_000_000)
                       : SyntheticConfiguration.movieLens20MSized()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recommenderkit-bench")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let csv = dir.appendingPathComponent("ratings-\(config.users)x\(config.items)-\(config.ratings)-seed\(config.seed).csv")
    if !FileManager.default.fileExists(atPath: csv.path) {
        var data: Dataset?
        let g = try seconds { data = try SyntheticData.generate(config) }
        try data?.ratings.writeMovieLensCSV(to: csv)
        print("generated \(config.ratings) synthetic ratings in \(f(g, 1)) s -> \(csv.path)")
    }
    let size = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
    var best = Double.infinity, rows = 0
    for _ in 0..<2 {
        let t = try seconds { rows = try MovieLensCSV.parseRatings(Data(contentsOf: csv, options: .alwaysMapped)).count }
        best = min(best, t)
    }
    let pandas = try python("pandas_read_csv.py", [csv.path, "2"])
    let pandasSeconds = Double(pandas["seconds"] ?? "") ?? .nan
    print("ratings.csv: \(rows) rows, \(size / 1_048_576) MiB (pandas read \(pandas["rows"] ?? "?") rows)")
    print("  RecommenderKit parse + vocabularies: \(f(best)) s   pandas.read_csv: \(f(pandasSeconds)) s")
    print("  ratio pandas / RecommenderKit: \(f(pandasSeconds / best, 2))x (target >= 2x)")
}

// MARK: ranking metrics vs NumPy

if !args.contains("--csv-only") {
    let U = small ? 1_000 : 10_000, I = small ? 2_000 : 20_000
    func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var scores = [Float](repeating: 0, count: U * I)
    var relevant = [[Int32]](repeating: [], count: U), seen = [[Int32]](repeating: [], count: U)
    scores.withUnsafeMutableBufferPointer { s in
        for u in 0..<U {
            for i in 0..<I {
                let idx = UInt64(u * I + i)
                s[u * I + i] = Float(mix(idx) >> 40) / 16_777_216
                let r = mix(idx ^ 0xABCDEF) % 1000
                if r < 2 { relevant[u].append(Int32(i)) } else if r < 7 { seen[u].append(Int32(i)) }
            }
        }
    }
    let rel = ItemLists(relevant), exc = ItemLists(seen)
    let metrics: [RankingMetric] = [.ndcg(100), .normalizedRecall(20), .normalizedRecall(50)]
    var result: EvaluationResult?
    var best = Double.infinity
    for _ in 0..<3 {
        best = min(best, try seconds {
            result = try RankingEvaluator.evaluate(scores: scores, userCount: U, itemCount: I,
                                                   relevant: rel, excluding: exc, metrics: metrics)
        })
    }
    let np = try python("numpy_ranking_metrics.py", [String(U), String(I), "2"])
    let npSeconds = Double(np["seconds"] ?? "") ?? .nan
    print("ranking metrics over \(U) users x \(I) items (seen items excluded):")
    for (m, key) in zip(metrics, ["ndcg100", "recall20", "recall50"]) {
        print("  \(m.label) (vae_cf recall = NormalizedRecall): RecommenderKit \(f(result?[m]?.mean ?? .nan, 9))  NumPy \(np[key] ?? "?")")
    }
    print("  RecommenderKit: \(f(best)) s   NumPy argpartition: \(f(npSeconds)) s")
    print("  ratio NumPy / RecommenderKit: \(f(npSeconds / best, 2))x (target >= 2x)")
}
