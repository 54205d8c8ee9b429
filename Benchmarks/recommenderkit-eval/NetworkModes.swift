import Foundation
import RecommenderKit

/// The modes of issue 12's network and matrix-factorisation work, by name (dispatched by
/// main.swift before the others): `recnet` (RecommenderNet), `hybrid-vae` (Movie-VAE and
/// Hybrid-VAE) and `mf-search` (SGD biased MF settings on a validation part).
let networkModes: [String: ((String) -> String?, [String]) throws -> Void] = [
    "recnet": { option, arguments in
        guard let seeds = Int(option("--seeds") ?? "3"), seeds >= 1 else { throw ModelError("recnet", "--seeds must be a positive integer") }
        guard let epochs = Int(option("--epochs") ?? "30"), epochs >= 1 else { throw ModelError("recnet", "--epochs must be a positive integer") }
        var c = RecommenderNet.Configuration(epochs: epochs)
        if let v = option("--embedding").flatMap(Int.init) { c.embeddingSize = v }
        if let v = option("--batch").flatMap(Int.init) { c.batchSize = v }
        if let v = option("--lr").flatMap(Float.init) { c.learningRate = v }
        if let v = option("--wd").flatMap(Float.init) { c.weightDecay = v }
        if arguments.contains("--report-check") {
            try runRecommenderNetReportCheck(configuration: c, dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
            return
        }
        try runRecommenderNet(seeds: seeds, configuration: c, idsOnly: arguments.contains("--ids-only"), dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
    },
    "hybrid-vae": { option, _ in
        guard let epochs = Int(option("--epochs") ?? "100"), epochs >= 1 else { throw ModelError("hybrid-vae", "--epochs must be a positive integer") }
        guard let folds = Int(option("--folds") ?? "3"), folds >= 2 else { throw ModelError("hybrid-vae", "--folds must be an integer >= 2") }
        let only = option("--models").map { Set($0.lowercased().split(separator: ",").map(String.init)) }
        try runHybridVAE(epochs: epochs, folds: folds, only: only, dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
    },
    "svdpp-search": { option, _ in
        try searchSVDpp(seed: UInt64(option("--seed") ?? "1") ?? 1, dataRoot: option("--data").map { URL(fileURLWithPath: $0) },
                        option: option)
    },
    "knn-search": { option, _ in
        try searchItemKNN(seed: UInt64(option("--seed") ?? "1") ?? 1, dataRoot: option("--data").map { URL(fileURLWithPath: $0) },
                          option: option)
    },
    "mf-search": { option, _ in
        try searchBiasedMF(seed: UInt64(option("--seed") ?? "1") ?? 1, dataRoot: option("--data").map { URL(fileURLWithPath: $0) },
                           option: option)
    },
]
