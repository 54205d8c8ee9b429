#!/usr/bin/env python3
"""NDCG@100 and Recall@20/50 the way dawenl/vae_cf computes them (argpartition for the top k,
argsort of those k, IDCG from the held-out count, recall / min(k, |R|)), on the same synthetic
scores, held-out and fold-in items that recommenderkit-bench builds from a shared hash.
Prints the metric means and the best of N timings (masking + the three metric calls)."""
import sys, time
import numpy as np

U, I, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 2

def mix(z):
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))

with np.errstate(over="ignore"):
    idx = np.arange(U * I, dtype=np.uint64)
    scores = ((mix(idx) >> np.uint64(40)).astype(np.float32) / np.float32(2 ** 24)).reshape(U, I)
    r = (mix(idx ^ np.uint64(0xABCDEF)) % np.uint64(1000)).reshape(U, I)
heldout = r < 2
foldin = (r >= 2) & (r < 7)
del idx, r

def ndcg_binary_at_k_batch(X_pred, heldout_batch, k=100):
    n = X_pred.shape[0]
    idx_topk_part = np.argpartition(-X_pred, k, axis=1)
    topk_part = X_pred[np.arange(n)[:, np.newaxis], idx_topk_part[:, :k]]
    idx_part = np.argsort(-topk_part, axis=1)
    idx_topk = idx_topk_part[np.arange(n)[:, np.newaxis], idx_part]
    tp = 1. / np.log2(np.arange(2, k + 2))
    DCG = (heldout_batch[np.arange(n)[:, np.newaxis], idx_topk] * tp).sum(axis=1)
    IDCG = np.array([(tp[:min(c, k)]).sum() for c in heldout_batch.sum(axis=1)])
    return DCG / IDCG

def recall_at_k_batch(X_pred, heldout_batch, k=100):
    n = X_pred.shape[0]
    idx = np.argpartition(-X_pred, k, axis=1)
    X_pred_binary = np.zeros_like(X_pred, dtype=bool)
    X_pred_binary[np.arange(n)[:, np.newaxis], idx[:, :k]] = True
    tmp = (np.logical_and(heldout_batch, X_pred_binary).sum(axis=1)).astype(np.float32)
    return tmp / np.minimum(k, heldout_batch.sum(axis=1))

best = float("inf")
for _ in range(runs):
    pred = scores.copy()
    t = time.perf_counter()
    pred[foldin] = -np.inf
    n100 = ndcg_binary_at_k_batch(pred, heldout, 100)
    r20 = recall_at_k_batch(pred, heldout, 20)
    r50 = recall_at_k_batch(pred, heldout, 50)
    best = min(best, time.perf_counter() - t)
valid = heldout.sum(axis=1) > 0
print(f"ndcg100 {n100[valid].mean():.9f}")
print(f"recall20 {r20[valid].mean():.9f}")
print(f"recall50 {r50[valid].mean():.9f}")
print(f"seconds {best:.6f}")
