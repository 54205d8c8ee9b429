"""scikit-learn's side of `recommenderkit-eval analysis --check`.

Reads x.txt (the item factors), tsne.txt (our Barnes-Hut t-SNE of all rows) and
tsne_exact.txt (our exact t-SNE of the first 500 rows), users.txt (the user factors) and
tsne_users_exact.txt (our exact t-SNE of them) from the folder given, runs
scikit-learn's PCA, KMeans (k = 10, n_init = 10) and TSNE (defaults: perplexity 30, PCA
init, auto learning rate, 1000 iterations; barnes_hut and exact) on the same inputs, and
prints `name value` lines: the inertia, the explained variance ratios, and the
trustworthiness (5 neighbours) of scikit-learn's embeddings and of ours.
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness

folder = sys.argv[1]
x = np.loadtxt(f"{folder}/x.txt", dtype=np.float32)
ours = np.loadtxt(f"{folder}/tsne.txt", dtype=np.float32)
ours_exact = np.loadtxt(f"{folder}/tsne_exact.txt", dtype=np.float32)
print("sklearn_version", sklearn.__version__.split(".")[0] + "." + sklearn.__version__.split(".")[1])

ratio = PCA(n_components=2).fit(x).explained_variance_ratio_
print("pca_ratio_1", ratio[0])
print("pca_ratio_2", ratio[1])
print("kmeans_inertia", KMeans(n_clusters=10, n_init=10, random_state=0).fit(x).inertia_)

start = time.time()
theirs = TSNE(n_components=2, random_state=0).fit_transform(x)
print("sklearn_tsne_seconds", time.time() - start)
print("sklearn_tsne_trust", trustworthiness(x, theirs, n_neighbors=5))
print("ours_tsne_trust", trustworthiness(x, ours, n_neighbors=5))

small = x[:500]
theirs_exact = TSNE(n_components=2, method="exact", random_state=0).fit_transform(small)
print("sklearn_tsne_exact_trust", trustworthiness(small, theirs_exact, n_neighbors=5))
print("ours_tsne_exact_trust", trustworthiness(small, ours_exact, n_neighbors=5))

users = np.loadtxt(f"{folder}/users.txt", dtype=np.float32)
ours_users = np.loadtxt(f"{folder}/tsne_users_exact.txt", dtype=np.float32)
theirs_users = TSNE(n_components=2, method="exact", random_state=0).fit_transform(users)
print("sklearn_tsne_users_exact_trust", trustworthiness(users, theirs_users, n_neighbors=5))
print("ours_tsne_users_exact_trust", trustworthiness(users, ours_users, n_neighbors=5))
