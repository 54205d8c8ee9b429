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
        ModelSpec(name: "Mult-VAE") { seed in try MultVAE(MultVAE.Configuration(epochs: epochs ?? 200, seed: seed)) },
        ModelSpec(name: "Mult-DAE") { seed in try MultDAE(MultDAE.Configuration(epochs: epochs ?? 200, seed: seed)) },
    ]
    guard let only else { return all }
    return all.filter { only.contains($0.name.lowercased()) }
}
