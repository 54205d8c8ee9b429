import Foundation
import RecommenderKit

/// Reference numbers printed beside ours: RecBole 1.2.1 defaults (protocol A, test) and a
/// PyTorch port of Liang's notebook, mean over 5 training seeds (protocol B, test).
let references: [String: [String: [String: Double]]] = [
    "A": ["Pop": ["Recall@20": 0.1314, "Recall@50": 0.2924, "NDCG@100": 0.1658, "NDCG@10": 0.0581],
          "ItemKNN": ["Recall@20": 0.3529, "Recall@50": 0.5249, "NDCG@100": 0.3286, "NDCG@10": 0.2010],
          "EASE": ["Recall@20": 0.3770, "Recall@50": 0.5516, "NDCG@100": 0.3533, "NDCG@10": 0.2311],
          "Mult-VAE": ["Recall@20": 0.3663, "Recall@50": 0.5774, "NDCG@100": 0.3528, "NDCG@10": 0.2136],
          "Mult-DAE": ["Recall@20": 0.3721, "Recall@50": 0.5709, "NDCG@100": 0.3452, "NDCG@10": 0.2066]],
    "B": ["Mult-VAE": ["NDCG@100": 0.397, "Recall@20": 0.379, "Recall@50": 0.538],
          "Mult-DAE": ["NDCG@100": 0.410, "Recall@20": 0.394, "Recall@50": 0.541],
          "EASE": ["NDCG@100": 0.425, "Recall@20": 0.407, "Recall@50": 0.564]],
]

/// RecBole's model names for ours.
let recBoleNames = ["Pop": "Pop", "ItemKNN": "ItemKNN", "EASE": "EASE", "Mult-VAE": "MultiVAE", "Mult-DAE": "MultiDAE"]

/// Writes each seed's split as RecBole benchmark files under `directory`, runs
/// `recbole_topn.py` on them (RecBole's default hyperparameters), and returns the test
/// metrics per model name (ours) and label, averaged over the seeds.
func runRecBole(_ p: TopNProtocol, models: [ModelSpec], seeds: Int, directory: URL) throws -> [String: [String: Double]] {
    guard let makeSplit = p.split else { return [:] }
    var sums: [String: [String: Double]] = [:]
    for seed in 1...seeds {
        let name = "ml-100k-seed\(seed)"
        try makeSplit(UInt64(seed)).write(to: directory.appendingPathComponent(name), name: name)
        let output = try runPython("recbole_topn.py", [directory.path, name] + models.compactMap { recBoleNames[$0.name] },
                                   hint: "on \(name); is RecBole installed? pip install recbole torch")
        let labels = ["recall@20": "Recall@20", "recall@50": "Recall@50", "ndcg@100": "NDCG@100", "ndcg@10": "NDCG@10"]
        for line in output.split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            guard f.count == 3, let ours = recBoleNames.first(where: { $0.value == f[0] })?.key,
                  let label = labels[f[1]], let v = Double(f[2]) else { continue }
            sums[ours, default: [:]][label, default: 0] += v / Double(seeds)
        }
    }
    return sums
}

/// Runs every model on every seed of `p` and prints one table row per model, beside
/// RecBole's numbers on the identical splits when `recBole` names a working folder.
/// RecBole runs the models named in `recBoleModels` (ours' names, lower case) on the same
/// splits; the others show the published numbers, marked with `*`.
func runProtocol(_ p: TopNProtocol, models: [ModelSpec], seeds: Int, recBole: URL? = nil,
                 recBoleModels: Set<String> = ["pop", "itemknn", "ease"]) throws {
    let key = p.name.hasPrefix("B") ? "B" : "A"
    let sideBySide = recBole != nil && p.split != nil
    let measured = sideBySide
        ? try runRecBole(p, models: models.filter { recBoleModels.contains($0.name.lowercased()) }, seeds: seeds, directory: recBole!)
        : [:]
    let reference = sideBySide ? "RecBole 1.2.1, same splits (* published run)"
        : p.name.contains("split files") ? "" : (key == "A" ? "RecBole 1.2.1 (published run)" : "PyTorch port of vae_cf")
    print("\nProtocol \(p.name)")
    print("seeds: \(p.seedsSplit ? "split and model" : "model") seeds 1...\(seeds); model chosen on validation \(FitOptions().validationMetrics[0].label)")
    let labels = p.metrics.map(\.label)
    print(pad("model", 10) + labels.map { pad($0, 20) }.joined() + pad("fit s", 8) + (reference.isEmpty ? "" : "  " + reference))
    for spec in models {
        var values = [[Double]](repeating: [], count: labels.count)
        var seconds = 0.0
        for seed in 1...seeds {
            let (train, validation, test) = try p.prepare(UInt64(seed))
            let model = try spec.make(UInt64(seed))
            let start = Date()
            try model.fit(train, validation: validation, options: FitOptions())
            seconds += Date().timeIntervalSince(start)
            let result = try model.evaluate(test, metrics: p.metrics)
            for (m, s) in result.summaries.enumerated() { values[m].append(s.mean) }
        }
        let cells = values.map { v -> String in
            let mean = v.reduce(0, +) / Double(v.count)
            let std = v.count > 1 ? (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count - 1)).squareRoot() : 0
            return pad(String(format: "%.4f ± %.4f", mean, std), 20)
        }
        let fromSameSplits = measured[spec.name] != nil
        let refs = reference.isEmpty ? "" : "  " + labels.map { l in
            let label = l.replacingOccurrences(of: "NormalizedRecall", with: "Recall")
            let value = fromSameSplits ? measured[spec.name]?[label] : references[key]?[spec.name]?[label]
            return value.map { String(format: "%.4f", $0) } ?? "-"
        }.joined(separator: " ") + (sideBySide && !fromSameSplits ? " *" : "")
        print(pad(spec.name, 10) + cells.joined() + pad(String(format: "%.1f", seconds / Double(seeds)), 8) + refs)
    }
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
}
