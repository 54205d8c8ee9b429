"""The PlotKit gallery figures drawn with matplotlib, timed (render + save as PNG).

Usage: python3 matplotlib_gallery.py DATA.json OUTDIR ITERATIONS
Prints one line per figure: NAME<TAB>MEDIAN_SECONDS. Run by `plotkit-bench`, which writes DATA.json.
"""
import json
import os
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

plt.style.use("seaborn-v0_8")


def model_metrics(d):
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    vals = np.array(d["metrics"])
    n = len(d["models"])
    x = np.arange(len(d["metricGroups"]))
    w = 0.8 / n
    for j, m in enumerate(d["models"]):
        ax.bar(x - 0.4 + w * (j + 0.5), vals[:, j], w, label=m)
    ax.set_xticks(x, d["metricGroups"])
    ax.set_xlabel("Metric")
    ax.set_ylabel("Score")
    ax.legend()
    fig.suptitle("Model comparison on MovieLens 100K")
    return fig


def user_item_heatmap(d):
    fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
    im = ax.imshow(np.array(d["ratings"]), aspect="auto", cmap="magma")
    fig.colorbar(im, ax=ax, label="Rating (0 = unrated)")
    ax.set_xlabel("Movie index")
    ax.set_ylabel("User index")
    ax.grid(False)
    fig.suptitle("User-movie rating matrix (943 x 1682)")
    return fig


def training_curves(d):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    x = np.array(d["epochs"])
    for name, mean, std in zip(d["curveNames"], d["curveMean"], d["curveStd"]):
        mean, std = np.array(mean), np.array(std)
        ax.plot(x, mean, label=name)
        ax.fill_between(x, mean - std, mean + std, alpha=0.22)
    ax.set_xlabel("Epoch")
    ax.set_ylabel("NDCG@100")
    ax.legend()
    fig.suptitle("Validation NDCG@100 (mean ± std over 3 folds)")
    return fig


def genre_pie(d):
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    total = sum(d["genreCounts"])
    ax.pie(d["genreCounts"], labels=d["genres"], startangle=90, counterclock=False,
           autopct=lambda p: f"{p:.1f}%" if p >= 4 else "")
    fig.suptitle("Genre share of MovieLens 100K movies")
    return fig


def rating_histogram(d):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    ax.hist(d["ratingValues"], bins=5, range=(0.5, 5.5), edgecolor="white")
    ax.set_xlabel("Rating")
    ax.set_ylabel("Number of ratings")
    fig.suptitle("Rating distribution")
    return fig


def cluster_scatter(d):
    fig, ax = plt.subplots(figsize=(8.5, 6), dpi=100)
    x, y, lab = np.array(d["clusterX"]), np.array(d["clusterY"]), np.array(d["clusterLabels"])
    for c in dict.fromkeys(d["clusterLabels"]):
        m = lab == c
        ax.scatter(x[m], y[m], s=30, label=c, edgecolors="white", alpha=0.85)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_xlabel("t-SNE 1")
    ax.set_ylabel("t-SNE 2")
    fig.suptitle("t-SNE of user latents, 10 k-means clusters")
    return fig


def recall_errorbars(d):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    for name, mean, std in zip(d["curveNames"], d["recallMean"], d["recallStd"]):
        ax.errorbar(d["recallK"], mean, yerr=std, label=name, marker="o", capsize=4)
    ax.set_xlabel("k")
    ax.set_ylabel("Recall@k")
    ax.legend()
    fig.suptitle("Recall@k, 3-fold cross-validation")
    return fig


def top_movies_hbar(d):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    y = np.arange(len(d["topMovies"]))
    bars = ax.barh(y, d["topCounts"])
    ax.set_yticks(y, d["topMovies"])
    ax.invert_yaxis()
    ax.bar_label(bars, fmt="%g")
    ax.set_xlabel("Number of ratings")
    fig.suptitle("Most rated movies")
    fig.tight_layout()
    return fig


def item_popularity_logy(d):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    ax.plot(d["popularity"], label="ratings per movie")
    ax.set_yscale("log")
    ax.set_xlabel("Movie rank")
    ax.set_ylabel("Ratings (log scale)")
    ax.legend()
    fig.suptitle("Long tail of item popularity")
    return fig


def user_similarity_colorbar(d):
    fig, ax = plt.subplots(figsize=(8, 6.5), dpi=100)
    m = np.array(d["similarity"])
    im = ax.imshow(m, cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto")
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            ax.text(j, i, f"{m[i, j]:.2f}", ha="center", va="center",
                    color="white" if abs(m[i, j]) > 0.6 else "#262626")
    ax.set_xticks(range(len(d["similarityUsers"])), d["similarityUsers"])
    ax.set_yticks(range(len(d["similarityUsers"])), d["similarityUsers"])
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="Cosine similarity")
    fig.suptitle("Cosine similarity of 12 users")
    return fig


FIGURES = {
    "model-metrics": model_metrics,
    "user-item-heatmap": user_item_heatmap,
    "training-curves": training_curves,
    "genre-pie": genre_pie,
    "rating-histogram": rating_histogram,
    "cluster-scatter": cluster_scatter,
    "recall-errorbars": recall_errorbars,
    "top-movies-hbar": top_movies_hbar,
    "item-popularity-logy": item_popularity_logy,
    "user-similarity-colorbar": user_similarity_colorbar,
}


def main():
    data_path, out_dir, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(data_path) as f:
        d = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    for name, make in FIGURES.items():
        path = os.path.join(out_dir, f"{name}-matplotlib.png")
        times = []
        for _ in range(iterations + 1):  # the first run warms caches and is not counted
            t0 = time.perf_counter()
            fig = make(d)
            fig.savefig(path)
            plt.close(fig)
            times.append(time.perf_counter() - t0)
        times = sorted(times[1:])
        print(f"{name}\t{times[len(times) // 2]:.6f}", flush=True)


if __name__ == "__main__":
    main()
