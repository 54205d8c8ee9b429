import RecommenderKit
import TensorKit

// Every model shows as a summary (`ModelSummary`): a fitted neural model as its layers
// with output shapes and parameter counts (Keras's `summary()`), a fitted closed-form model
// as the tables it learned, an unfitted one as a line saying so; then its configuration.

extension MultVAE: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension MultDAE: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension HybridVAE: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension MovieVAE: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension RatingVAE: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension RecommenderNet: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary {
        ModelSummary(name: name, state: try? state(), configuration: configuration, rank: RecommenderNet.layerRank)
    }

    /// The network's order: feature embeddings, then the hidden blocks (`fc1`, `bn1`, ...),
    /// then the output layer.
    static func layerRank(_ group: String) -> [Int] {
        let features = ["zip_code", "release_year", "occupation", "age", "gender", "user_id", "item_id"]
        if let i = features.firstIndex(of: group) { return [0, i] }
        for (kind, prefix) in ["fc", "bn"].enumerated() where group.hasPrefix(prefix) {
            if let n = Int(group.dropFirst(prefix.count)) { return [1, n, kind] }
        }
        return [2]
    }
}

extension EASE: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension ItemKNN: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension Popularity: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: nil) }
}

extension BiasBaseline: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension BiasedMF: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension SVDpp: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension ItemKNNRatings: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension UserKNNRatings: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary { ModelSummary(name: name, state: try? state(), configuration: configuration) }
}

extension UserNeighbourhoodCF: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary {
        ModelSummary(name: name, state: try? state(), settings: [("neighbours", "\(neighbours)")])
    }
}

extension HybridRatings: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary {
        ModelSummary(name: name, state: try? state(),
                     settings: [("collaborative", collaborative.name), ("knowledge", knowledge.name), ("alpha", "\(alpha)")])
    }
}

extension KnowledgeBasedRatings: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        modelSummary.items
    }

    /// The summary of the model as it is now.
    var modelSummary: ModelSummary {
        ModelSummary(name: name, state: try? state(),
                     settings: [("features", "[" + features.shape.map(String.init).joined(separator: ", ") + "]")])
    }
}
