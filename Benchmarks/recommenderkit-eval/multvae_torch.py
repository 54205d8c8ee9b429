"""Mult-VAE training speed in PyTorch, the reference for `recommenderkit-eval speed`.

The same model as RecommenderKit's MultVAE ([I-600-200-600-I], tanh, dropout 0.5 on the
L2-normalised input, multinomial NLL + beta * KL, Adam 1e-3), timed two ways:
  synthetic ITEMS BATCH PER_ROW STEPS: median seconds per training step on random click
      batches (BATCH x ITEMS, PER_ROW ones per row), with a dense input and with a
      torch.sparse (CSR) input to the first layer;
  ml100k INTER_FILE EPOCHS: median seconds per epoch on ML-100K ratings >= 4 (batch 500).
Prints `key seconds` lines. Threads: torch.set_num_threads(THREADS env, default all cores).
"""
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(int(os.environ.get("THREADS", os.cpu_count())))
torch.manual_seed(98765)


class MultVAE(torch.nn.Module):
    def __init__(self, items, hidden=600, latent=200):
        super().__init__()
        self.latent = latent
        self.enc = torch.nn.Linear(items, hidden)
        self.stats = torch.nn.Linear(hidden, 2 * latent)
        self.dec = torch.nn.Linear(latent, hidden)
        self.out = torch.nn.Linear(hidden, items)

    def forward(self, x):
        h = torch.tanh(self.enc(x))
        s = self.stats(h)
        mu, logvar = s[:, : self.latent], s[:, self.latent:]
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.out(torch.tanh(self.dec(z))), mu, logvar


def loss_of(model, x_in, target, beta=0.2):
    logits, mu, logvar = model(x_in)
    nll = -(F.log_softmax(logits, 1) * target).sum(1).mean()
    kl = (-0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(1)).mean()
    return nll + beta * kl


def normalized_dropout_dense(x):
    return F.dropout(F.normalize(x, dim=1), 0.5, training=True)


def normalized_dropout_sparse(x_csr):
    """Dropout and normalisation on the stored values only, as RecommenderKit does."""
    crow, col, val = x_csr.crow_indices(), x_csr.col_indices(), x_csr.values()
    counts = crow[1:] - crow[:-1]
    norms = torch.repeat_interleave(torch.sqrt(torch.zeros(len(counts)).index_add_(
        0, torch.repeat_interleave(torch.arange(len(counts)), counts), val * val)), counts)
    kept = val / norms * (torch.rand_like(val) >= 0.5) * 2
    return torch.sparse_csr_tensor(crow, col, kept, x_csr.shape)


def step(model, opt, x_dense, x_csr, sparse):
    opt.zero_grad()
    x_in = normalized_dropout_sparse(x_csr) if sparse else normalized_dropout_dense(x_dense)
    loss = loss_of(model, x_in, x_dense)
    loss.backward()
    opt.step()


def random_batch(rows, items, per_row, gen):
    x = torch.zeros(rows, items)
    for r in range(rows):
        x[r, torch.from_numpy(gen.choice(items, per_row, replace=False))] = 1
    return x


def synthetic(items, batch, per_row, steps):
    gen = np.random.default_rng(7)
    x = random_batch(batch, items, per_row, gen)
    x_csr = x.to_sparse_csr()
    for sparse in (False, True):
        model = MultVAE(items)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        step(model, opt, x, x_csr, sparse)
        times = []
        for _ in range(steps):
            t = time.perf_counter()
            step(model, opt, x, x_csr, sparse)
            times.append(time.perf_counter() - t)
        print(f"{'sparse' if sparse else 'dense'}_step {sorted(times)[len(times) // 2]:.6f}", flush=True)


def ml100k(inter_file, epochs):
    rows = [line.split("\t") for line in open(inter_file).read().splitlines()[1:]]
    pairs = [(r[0], r[1]) for r in rows if float(r[2]) >= 4]
    users = {u: i for i, u in enumerate(sorted({u for u, _ in pairs}))}
    items = {v: i for i, v in enumerate(sorted({v for _, v in pairs}))}
    x = torch.zeros(len(users), len(items))
    for u, v in pairs:
        x[users[u], items[v]] = 1
    model = MultVAE(len(items))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    times = []
    for _ in range(epochs + 1):
        t = time.perf_counter()
        order = torch.randperm(len(users))
        for start in range(0, len(users), 500):
            xb = x[order[start:start + 500]]
            step(model, opt, xb, xb.to_sparse_csr(), False)
        times.append(time.perf_counter() - t)
    times = times[1:]
    print(f"ml100k_epoch {sorted(times)[len(times) // 2]:.6f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "synthetic":
        synthetic(*map(int, sys.argv[2:6]))
    else:
        ml100k(sys.argv[2], int(sys.argv[3]))
