import RecommenderKit
import ScriptKit

/// Registry rows for RecommenderKit's models, training, analysis and fetching: every model
/// with its configuration, the `Recommender` and `RatingModel` protocols, FitOptions and
/// TrainingHistory, KMeans, PCA, t-SNE, MovieLens and DatasetFetcher. Training, t-SNE and
/// fetching report through the session's progress bars, and Ctrl-C cancels training.
enum RecommenderModelBindings {
    /// Registers the rows; `session` shows progress bars and receives shown values (nil
    /// when only checking names).
    static func register(in registry: Registry, session: Session?) {
        TrainingBindings.register(in: registry)
        ModelProtocols.register(in: registry, session: session)
        ModelAutoencoders.register(in: registry, session: session)
        ModelHybridVAE.register(in: registry, session: session)
        ModelItemBased.register(in: registry, session: session)
        ModelFactors.register(in: registry, session: session)
        ModelNeighbourhood.register(in: registry, session: session)
        ModelNeural.register(in: registry, session: session)
        AnalysisBindings.register(in: registry, session: session)
        FetchBindings.register(in: registry, session: session)
    }
}
