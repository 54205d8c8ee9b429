import RecommenderKit

/// A model to evaluate: its table name and a factory taking the seed.
struct ModelSpec {
    var name: String
    var make: (UInt64) throws -> Recommender
}

/// The models of the top-N comparison with the paper's defaults (epochs shortened by
/// `epochs` when given) and λ of EASE chosen on validation.
func topNModels(epochs: Int?, only: Set<String>?) -> [ModelSpec] {
    let all = [
        ModelSpec(name: "Pop") { _ in Popularity() },
        ModelSpec(name: "ItemKNN") { _ in try ItemKNN() },
        ModelSpec(name: "EASE") { _ in try EASE(EASE.Configuration(l2Candidates: [50, 100, 200, 300, 500, 800, 1200])) },
        // β reaches its cap near the end of training, as in Liang's setting on ML-20M (there
        // 200,000 steps is about 200 epochs of 232 batches ≈ 46,000 updates at β ≈ 0.2): ML-100K
        // has 2 batches per epoch, so 200 epochs make 400 updates and 2,000 steps give β = 0.2.
        ModelSpec(name: "Mult-VAE") { seed in
            try MultVAE(MultVAE.Configuration(totalAnnealSteps: 2_000, epochs: epochs ?? 200, seed: seed)) },
        ModelSpec(name: "Mult-DAE") { seed in try MultDAE(MultDAE.Configuration(epochs: epochs ?? 200, seed: seed)) },
    ]
    guard let only else { return all }
    return all.filter { only.contains($0.name.lowercased()) }
}
