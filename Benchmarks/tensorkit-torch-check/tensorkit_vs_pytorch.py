#!/usr/bin/env python3
"""TensorKit against PyTorch (float32, CPU): outputs and input gradients of the ops, losses,
layers and optimizers, on the same seeded inputs, including the edge cases of issue 16
(saturated BCE, NaN through relu/max/argmax, a zero-row gather, Adam with a parameter left
out of some steps).

    swift build --product tensorkit-torch-check          # or -c release
    python3 Benchmarks/tensorkit-torch-check/tensorkit_vs_pytorch.py [path to the binary]

Prints one line per case that differs and a closing line `N passed, M failed`; exits 1 when
any value differs (|a - b| <= 1e-5 + 1e-4 |b|, NaN must match NaN, inf must match inf).
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(2018)


def t(shape, low=-1.0, high=1.0):
    return rng.uniform(low, high, size=shape).astype(np.float32)


def enc(a):
    a = np.asarray(a, dtype=np.float32)
    special = lambda v: "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")   # JSON has no literal for them
    return {"shape": list(a.shape), "data": [float(v) if math.isfinite(v) else special(v) for v in a.ravel()]}


def case(name, op, inputs, torch_fn, params=None, grad=True):
    return {"name": name, "op": op, "inputs": inputs, "params": params or {}, "grad": grad, "torch": torch_fn}


def bn(x):
    return F.batch_norm(x, torch.zeros(x.shape[1]), torch.ones(x.shape[1]), training=True, momentum=0.1, eps=1e-5)


nan_input = np.array([np.nan, 1, -2, np.inf, -np.inf], dtype=np.float32)
probs = np.array([0, 1, 1e-9, 0.5, 0.999], dtype=np.float32)
one_hot = (rng.uniform(size=(4, 5)) < 0.4).astype(np.float32)
CASES = [
    case("add broadcast", "add", [t((3, 4)), t((4,))], lambda a, b: a + b),
    case("sub broadcast", "sub", [t((3, 1)), t((1, 4))], lambda a, b: a - b),
    case("mul broadcast", "mul", [t((2, 3, 4)), t((3, 1))], lambda a, b: a * b),
    case("div", "div", [t((3, 4)), t((3, 4), 0.5, 2)], lambda a, b: a / b),
    case("matmul", "matmul", [t((5, 3)), t((3, 4))], lambda a, b: a @ b),
    case("matmul transposed", "matmul_tt", [t((3, 5)), t((4, 3))], lambda a, b: a.T @ b.T),
    case("exp", "exp", [t((3, 4))], torch.exp),
    case("log", "log", [t((3, 4), 0.1, 3)], torch.log),
    case("tanh", "tanh", [t((3, 4), -3, 3)], torch.tanh),
    case("sigmoid", "sigmoid", [t((3, 4), -8, 8)], torch.sigmoid),
    case("relu", "relu", [t((3, 4))], torch.relu),
    case("sqrt", "sqrt", [t((3, 4), 0.1, 4)], torch.sqrt),
    case("abs", "abs", [t((3, 4))], torch.abs),
    case("pow 3", "pow3", [t((3, 4))], lambda a: a ** 3),
    case("clamp", "clamp", [t((3, 4))], lambda a: a.clamp(-0.5, 0.5)),
    case("sum", "sum", [t((3, 4))], torch.sum),
    case("mean", "mean", [t((3, 4))], torch.mean),
    case("sum axis 0", "sum_axis0", [t((3, 4))], lambda a: a.sum(0)),
    case("mean axis 1", "mean_axis1", [t((3, 4))], lambda a: a.mean(1)),
    case("max axis 1", "max_axis1", [t((3, 4))], lambda a: a.max(1).values),
    case("min axis 0", "min_axis0", [t((3, 4))], lambda a: a.min(0).values),
    case("softmax", "softmax", [t((3, 6), -4, 4)], lambda a: a.softmax(-1)),
    case("log_softmax", "log_softmax", [t((3, 6), -4, 4)], lambda a: a.log_softmax(-1)),
    case("transpose", "transpose", [t((3, 4))], lambda a: a.T),
    case("reshape", "reshape", [t((3, 4))], lambda a: a.reshape(-1, 2)),
    case("gather rows", "rows", [t((5, 3))], lambda a: a[[2, 0, 2]], {"indices": [2, 0, 2]}),
    case("gather zero rows", "rows", [t((5, 3))], lambda a: a[torch.tensor([], dtype=torch.long)], {"indices": []}),
    case("concatenate axis 1", "concat1", [t((3, 2)), t((3, 4))], lambda a, b: torch.cat([a, b], 1)),
    case("slice axis 1", "slice1", [t((3, 4))], lambda a: a[:, 1:3]),
    case("where", "where", [t((3, 4)), t((3, 4)), t((4,))], lambda c, a, b: torch.where(c > 0, a, b)),
    case("linear", "linear", [t((4, 3)), t((3, 5)), t((5,))], lambda x, w, b: x @ w + b),
    case("mse", "mse", [t((4, 3)), t((4, 3))], lambda a, b: F.mse_loss(a, b.detach())),
    case("bce", "bce", [t((4, 3), 0.05, 0.95), (t((4, 3), 0, 1) > 0.5).astype(np.float32)],
         lambda p, y: F.binary_cross_entropy(p, y.detach())),
    case("bce saturated", "bce", [probs, np.array([1, 0, 1, 1, 0], dtype=np.float32)],
         lambda p, y: F.binary_cross_entropy(p, y.detach())),
    case("bce with logits", "bce_logits", [t((4, 3), -30, 30), (t((4, 3), 0, 1) > 0.5).astype(np.float32)],
         lambda x, y: F.binary_cross_entropy_with_logits(x, y.detach())),
    case("multinomial nll", "multinomial_nll", [t((4, 5), -3, 3), one_hot],
         lambda x, y: -(F.log_softmax(x, 1) * y.detach()).sum(1).mean()),
    case("gaussian kl", "gaussian_kl", [t((4, 3)), t((4, 3))],
         lambda m, lv: (-0.5 * (1 + lv - m * m - lv.exp()).sum(1)).mean()),
    case("batchnorm1d training", "batchnorm", [t((6, 3), -2, 2)], bn),
    case("relu of nan", "relu", [nan_input], torch.relu, grad=False),
    case("max of nan", "max", [nan_input], torch.max, grad=False),
    case("min of nan", "min", [nan_input], torch.min, grad=False),
    case("argmax of nan", "argmax", [nan_input], lambda a: a.argmax().float(), grad=False),
    case("adam, a parameter without gradient in steps 0-1", "adam", [t((3,)), t((2,))],
         None, {"steps": 5, "active": [[0, 1, 2, 3, 4], [2, 3, 4]]}),
    case("adam with weight decay", "adam", [t((4,))], None, {"steps": 3, "active": [[0, 1, 2]], "weight_decay": 0.1}),
    case("sgd momentum, a parameter without gradient in step 1", "sgd", [t((3,)), t((2,))],
         None, {"steps": 4, "active": [[0, 1, 2, 3], [0, 2, 3]]}),
]


def torch_optimize(c):
    params = [torch.tensor(np.asarray(x), requires_grad=True) for x in c["inputs"]]
    p = c["params"]
    opt = (torch.optim.Adam(params, lr=0.1, weight_decay=p.get("weight_decay", 0)) if c["op"] == "adam"
           else torch.optim.SGD(params, lr=0.1, momentum=0.9))
    for step in range(p["steps"]):
        opt.zero_grad()
        terms = [((x * (k + 1)) ** 2).sum() for k, x in enumerate(params) if step in p["active"][k]]
        if terms:
            sum(terms).backward()
        opt.step()
    return [x.detach() for x in params], None


def torch_run(c):
    if c["torch"] is None:
        return torch_optimize(c)
    leaves = [torch.tensor(np.asarray(x), requires_grad=c["grad"]) for x in c["inputs"]]
    out = c["torch"](*leaves)
    grads = None
    if c["grad"]:
        out.backward(torch.ones_like(out))
        grads = [x.grad if x.grad is not None else None for x in leaves]
    return [out.detach()], grads


def as_array(v):
    return np.array([{"nan": np.nan, "inf": np.inf, "-inf": -np.inf}.get(x, x) if isinstance(x, str) else x
                     for x in v["data"]], dtype=np.float64).reshape(v["shape"])


def close(ours, theirs):
    theirs = theirs.numpy().astype(np.float64) if isinstance(theirs, torch.Tensor) else theirs
    if list(ours.shape) != list(theirs.shape):
        return f"shape {list(ours.shape)} vs {list(theirs.shape)}"
    ok = np.isclose(ours, theirs, rtol=1e-4, atol=1e-5, equal_nan=True)
    if ok.all():
        return None
    i = int(np.argmin(ok.ravel()))
    return f"at flat index {i}: {ours.ravel()[i]!r} vs {theirs.ravel()[i]!r}"


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else None
    if binary is None:
        for config in ("release", "debug"):
            candidate = os.path.join(".build", config, "tensorkit-torch-check")
            if os.path.exists(candidate):
                binary = candidate
                break
    if binary is None:
        sys.exit("build it first: swift build --product tensorkit-torch-check")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump([{**c, "inputs": [enc(x) for x in c["inputs"]], "torch": None} for c in CASES], f)
        path = f.name
    ours = {r["name"]: r for r in json.loads(subprocess.run([binary, path], check=True, capture_output=True).stdout)}
    os.unlink(path)
    passed = failed = 0
    print(f"TensorKit vs PyTorch {torch.__version__} (float32, CPU): {len(CASES)} cases")
    for c in CASES:
        r = ours[c["name"]]
        if "error" in r:
            print(f"  FAIL {c['name']}: TensorKit threw {r['error']}")
            failed += 1
            continue
        outs, grads = torch_run(c)
        checks = [("output", as_array(o), x) for o, x in zip(r["outputs"], outs)]
        for k, g in enumerate(grads or []):
            mine = (r.get("grads") or [None] * len(grads))[k]
            if g is None and mine is None:
                continue
            if g is None or mine is None:
                checks.append((f"grad {k}", None, None))
            else:
                checks.append((f"grad {k}", as_array(mine), g))
        for what, a, b in checks:
            problem = "missing on one side" if a is None else close(a, b)
            if problem:
                print(f"  FAIL {c['name']} {what}: {problem}")
                failed += 1
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
