import RecommenderKit
import ScriptKit
import TensorKit

/// Rows for `ItemFeatures`: item feature matrices aligned with a dataset's item vocabulary.
enum FeatureBindings {
    static func register(in registry: Registry) {
        registry.type("ItemFeatures", doc: "Item feature matrices aligned with a dataset's item vocabulary (row i belongs to dense item i of `data.ratings`).")
            .staticMethod("genres(_ data: Dataset) throws -> Tensor",
                          doc: "The multi-hot genre matrix [items, genres] of ML-100K-style metadata.") { args in
                try ItemFeatures.genres(DataChecks.dataset(args.get(0), "ItemFeatures.genres(_:)")).scriptValue
            }
            .staticMethod("knowledgeGraph(_ data: Dataset, minItems: Int = 2) throws -> (features: Tensor, names: [String])",
                          doc: "The knowledge-graph facts of each item as a multi-hot matrix, with the fact names (`relation=tail`), in column order.") { args in
                let r = try ItemFeatures.knowledgeGraph(DataChecks.dataset(args.get(0), "ItemFeatures.knowledgeGraph(_:minItems:)"),
                                                        minItems: args.get(1))
                return .tuple([r.features.scriptValue, r.names.scriptValue], labels: ["features", "names"])
            }
            .staticMethod("concatenate(_ parts: [Tensor], weights: [Float]? = nil) throws -> Tensor",
                          doc: "The columns of several [items, f_k] matrices side by side, each scaled by its weight.") { args in
                try ItemFeatures.concatenate(args.get(0), weights: args.get(1)).scriptValue
            }
    }
}
