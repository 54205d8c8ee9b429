import TensorKit

/// The hyperparameters of the rating kNN models (`ItemKNNRatings`, `UserKNNRatings`);
/// apart from the neighbour count, the defaults are LensKit's: similarities above 10⁻⁶
/// (positive ones only), at least one neighbour, bias damping 5 for the fallback.
public struct NeighbourhoodConfiguration: Sendable, Equatable {
    /// What a rating is centred on before similarities and averages.
    public enum Centring: String, Sendable {
        /// The mean rating of its item (item-based) or user (user-based): LensKit's choice.
        case entityMean
        /// The damped bias baseline μ + b_u + b_i of its pair (Koren's baseline-centred kNN,
        /// Surprise's `KNNBaseline`); the prediction adds the deviation to the baseline.
        case baseline
        /// Nothing: raw cosine over co-rated entries and a plain similarity-weighted mean of
        /// the neighbours' ratings (the course report's user-based CF).
        case raw
    }

    /// How many of the most similar neighbours (items the user rated, or users who rated
    /// the item) a prediction averages over.
    public var neighbours: Int
    /// Only neighbours with a similarity above this count.
    public var minSimilarity: Float
    /// Fewer qualifying neighbours than this falls back to the bias model.
    public var minNeighbours: Int
    /// The damping of the bias model (the fallback, and the centre with `.baseline`).
    public var damping: Float
    /// What ratings are centred on.
    public var centring: Centring
    /// Whether the cosine's norms run over the co-rated contexts of the pair only (a Pearson
    /// correlation of the centred ratings; with `.baseline`, Surprise's `pearson_baseline`)
    /// rather than over each entity's whole vector (LensKit's adjusted cosine, the default).
    public var coRatedNorms: Bool
    /// λ of the shrinkage of every similarity towards 0 by its support: sim · (n − 1) /
    /// (n − 1 + λ) with n the number of co-rated contexts (Surprise's `shrinkage`, 100 there;
    /// Koren, "Factor in the Neighbors", TKDD 2010). 0 (the default) does not shrink.
    public var shrinkage: Float

    /// A configuration with LensKit's defaults for everything but `neighbours`.
    public init(neighbours: Int, minSimilarity: Float = 1e-6, minNeighbours: Int = 1, damping: Float = 5,
                centring: Centring = .entityMean, coRatedNorms: Bool = false, shrinkage: Float = 0) {
        self.neighbours = neighbours; self.minSimilarity = minSimilarity
        self.minNeighbours = minNeighbours; self.damping = damping; self.centring = centring
        self.coRatedNorms = coRatedNorms; self.shrinkage = shrinkage
    }

    /// Checks the values, naming the model.
    func validate(_ model: String) throws {
        guard neighbours >= 1, minNeighbours >= 0, minNeighbours <= neighbours else {
            throw ModelError(model, "expected neighbours >= 1 and 0 <= minNeighbours <= neighbours, got \(neighbours) and \(minNeighbours)")
        }
        guard minSimilarity.isFinite else { throw ModelError(model, "minSimilarity must be finite, got \(minSimilarity)") }
        guard shrinkage >= 0, shrinkage.isFinite else { throw ModelError(model, "shrinkage must be >= 0 and finite, got \(shrinkage)") }
        try checkDamping(model, damping)
    }
}

/// What both rating kNN models do once their orientation is fixed: fit the neighbourhood
/// of the entities (items or users) and the fallback biases, predict, and save the
/// training ratings (the similarities are recomputed from them on load).
struct NeighbourhoodRatings {
    let model: String
    let configuration: NeighbourhoodConfiguration
    /// True for user-based kNN (entities are users), false for item-based.
    let entitiesAreUsers: Bool
    private(set) var fitted: (table: RatingTable, terms: BiasTerms, neighbourhood: RatingNeighbourhood, means: [Float])?

    init(model: String, configuration: NeighbourhoodConfiguration, entitiesAreUsers: Bool) throws {
        try configuration.validate(model)
        self.model = model; self.configuration = configuration; self.entitiesAreUsers = entitiesAreUsers
    }

    var scale: ClosedRange<Float>? { fitted?.terms.scale }

    func similarity(_ a: Int, _ b: Int) -> Float { fitted?.neighbourhood.similarity(a, b) ?? 0 }

    mutating func fit(_ table: RatingTable) throws {
        let c = configuration
        let terms = BiasTerms(table, userDamping: c.damping, itemDamping: c.damping)
        let matrix = entitiesAreUsers ? table.byItem : table.byUser
        let means = RatingNeighbourhood.columnMeans(matrix)
        let hood = try RatingNeighbourhood(matrix, coRatedNorms: c.coRatedNorms, shrinkage: c.shrinkage) { context, entity in
            centre(context, entity, terms, means)
        }
        fitted = (table, terms, hood, means)
    }

    /// What the rating of `entity` in `context` is centred on.
    private func centre(_ context: Int, _ entity: Int, _ terms: BiasTerms, _ means: [Float]) -> Float {
        switch configuration.centring {
        case .entityMean: return means[entity]
        case .baseline: return entitiesAreUsers ? terms.baseline(entity, context) : terms.baseline(context, entity)
        case .raw: return 0
        }
    }

    func predict(users: [Int], items: [Int]) throws -> [Float] {
        guard users.count == items.count else {
            throw ModelError("\(model).predict", "expected as many users as items, got \(users.count) and \(items.count)")
        }
        guard let (_, terms, hood, means) = fitted else { throw ModelError("\(model).predict", "the model is not fitted: call fit or load first") }
        let c = configuration
        return zip(users, items).map { u, i in
            let (entity, context) = entitiesAreUsers ? (u, i) : (i, u)
            guard let d = hood.deviation(entity: entity, context: context, k: c.neighbours, minSimilarity: c.minSimilarity,
                                         minNeighbours: c.minNeighbours) else { return terms.scale.clamp(terms.baseline(u, i)) }
            return terms.scale.clamp(centre(context, entity, terms, means) + d)
        }
    }

    func state() throws -> [String: Tensor] {
        guard let fitted else { throw ModelError("\(model).save", "the model is not fitted") }
        return try fitted.table.state(prefix: "ratings.")
    }

    mutating func restore(_ state: [String: Tensor]) throws {
        try fit(try RatingTable(state: state, prefix: "ratings.", model: model))
    }
}
