import PlotKit

/// The gallery: one figure per chart kind, mirroring the course reports' figures.
public enum Gallery {
    /// A named figure recipe.
    public struct Entry {
        public let name: String
        public let make: () throws -> Figure
    }

    /// Every gallery figure for `theme`, built from `data`.
    public static func entries(_ d: GalleryData, theme: Theme) -> [Entry] {
        [
            Entry(name: "model-metrics") {
                let f = Figure(width: 900, height: 500, title: "Model comparison on MovieLens 100K", theme: theme)
                try f.groupedBar(d.metrics, groups: d.metricGroups, series: d.models)
                f.yLabel("Score"); f.xLabel("Metric")
                return f
            },
            Entry(name: "user-item-heatmap") {
                let f = Figure(width: 900, height: 600, title: "User-movie rating matrix (943 x 1682)", theme: theme)
                try f.heatmap(d.ratings, colormap: .magma, colorbarLabel: "Rating (0 = unrated)")
                f.xLabel("Movie index"); f.yLabel("User index")
                return f
            },
            Entry(name: "training-curves") {
                let f = Figure(width: 800, height: 500, title: "Validation NDCG@100 (mean ± std over 3 folds)", theme: theme)
                for i in d.curveNames.indices {
                    try f.line(d.curveMean[i], x: d.epochs, label: d.curveNames[i], std: d.curveStd[i])
                }
                f.xLabel("Epoch"); f.yLabel("NDCG@100")
                return f
            },
            Entry(name: "genre-pie") {
                let f = Figure(width: 800, height: 600, title: "Genre share of MovieLens 100K movies", theme: theme)
                try f.pie(d.genreCounts, labels: d.genres)
                return f
            },
            Entry(name: "rating-histogram") {
                let f = Figure(width: 800, height: 500, title: "Rating distribution", theme: theme)
                try f.histogram(d.ratingValues, bins: 5, range: 0.5...5.5)
                f.xLabel("Rating"); f.yLabel("Number of ratings")
                return f
            },
            Entry(name: "cluster-scatter") {
                let f = Figure(width: 850, height: 600, title: "t-SNE of user latents, 10 k-means clusters", theme: theme)
                try f.scatter(x: d.clusterX, y: d.clusterY, categories: d.clusterLabels)
                f.xLabel("t-SNE 1"); f.yLabel("t-SNE 2")
                return f
            },
            Entry(name: "recall-errorbars") {
                let f = Figure(width: 800, height: 500, title: "Recall@k, 3-fold cross-validation", theme: theme)
                for i in d.recallMean.indices {
                    try f.errorBars(d.recallMean[i], errors: d.recallStd[i], x: d.recallK, label: d.curveNames[i])
                }
                f.xLabel("k"); f.yLabel("Recall@k")
                return f
            },
            Entry(name: "top-movies-hbar") {
                let f = Figure(width: 800, height: 500, title: "Most rated movies", theme: theme)
                try f.bar(d.topCounts, labels: d.topMovies, horizontal: true, valueLabels: true)
                f.xLabel("Number of ratings")
                return f
            },
            Entry(name: "item-popularity-logy") {
                let f = Figure(width: 800, height: 500, title: "Long tail of item popularity", theme: theme)
                try f.line(d.popularity, label: "ratings per movie")
                f.yScale(.log); f.xLabel("Movie rank"); f.yLabel("Ratings (log scale)")
                return f
            },
            Entry(name: "user-similarity-colorbar") {
                let f = Figure(width: 800, height: 650, title: "Cosine similarity of 12 users", theme: theme)
                try f.heatmap(d.similarity, rowLabels: d.similarityUsers, columnLabels: d.similarityUsers,
                              colormap: .rdBu.reversed(), annotate: true, format: "%.2f", range: -1...1,
                              colorbarLabel: "Cosine similarity")
                return f
            },
        ]
    }

    /// The themes the gallery is drawn in, by file-name suffix.
    public static let themes: [(name: String, theme: Theme)] = [("seaborn", .seaborn), ("white", .white)]
}
