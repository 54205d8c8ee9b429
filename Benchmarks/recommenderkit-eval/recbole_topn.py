"""Runs RecBole 1.2.1 with its default hyperparameters on one split given as RecBole
benchmark files (DIR/NAME/NAME.{train,valid,test}.inter, as `recommenderkit-eval topn
--write-split DIR` writes them) and prints `MODEL metric value` lines for the test part.

Protocol (RecBole's full ranking, as in recommenderkit-eval's protocol A): all rows are
positives (the files hold ratings >= 4 only), the model is chosen on validation NDCG@100,
metrics Recall@20/50 and NDCG@10/100 over users with a test item.

Usage: python3 recbole_topn.py DIR NAME [MODEL ...]   (default: Pop ItemKNN EASE MultiVAE MultiDAE)
"""
import logging
import os
import sys

import numpy as np

# RecBole 1.2.1 predates NumPy 2: restore the aliases it uses.
for alias, value in {"float": float, "int": int, "bool": bool, "long": int, "unicode": str,
                     "complex": complex, "object": object, "float_": np.float64,
                     "complex_": np.complex128, "int_": np.int64, "unicode_": np.str_}.items():
    if not hasattr(np, alias):
        setattr(np, alias, value)

import types  # noqa: E402

import torch  # noqa: E402

# RecBole's quick_start imports ray.tune for hyperparameter search, which we do not use;
# ray 2.6 no longer imports on current setuptools, so a stub stands in for it.
sys.modules.setdefault("ray", types.ModuleType("ray"))
sys.modules["ray"].tune = types.ModuleType("ray.tune")

# RecBole 1.2.1 calls torch.load on its own checkpoints without weights_only.
_load = torch.load
torch.load = lambda *a, **k: _load(*a, **{**k, "weights_only": False})

from recbole.quick_start import run_recbole  # noqa: E402


def main():
    directory, name = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.chdir(directory)  # RecBole writes log/ and log_tensorboard/ into the working folder
    models = sys.argv[3:] or ["Pop", "ItemKNN", "EASE", "MultiVAE", "MultiDAE"]
    for model in models:
        config = {
            "data_path": directory,
            "benchmark_filename": ["train", "valid", "test"],
            "load_col": {"inter": ["user_id", "item_id", "rating", "timestamp"]},
            "eval_args": {"order": "RO", "mode": "full", "group_by": "user"},
            "metrics": ["Recall", "NDCG"],
            "topk": [10, 20, 50, 100],
            "valid_metric": "NDCG@100",
            "device": "cpu",
            "use_gpu": False,
            "show_progress": False,
            "seed": 2020,
            "reproducibility": True,
            "state": "WARNING",
            "checkpoint_dir": directory + "/saved",
        }
        result = run_recbole(model=model, dataset=name, config_dict=config, saved=True)
        test = result["test_result"]
        for key in ["recall@20", "recall@50", "ndcg@100", "ndcg@10"]:
            print(f"{model} {key} {float(test[key]):.6f}", flush=True)


if __name__ == "__main__":
    logging.disable(logging.WARNING)
    main()
