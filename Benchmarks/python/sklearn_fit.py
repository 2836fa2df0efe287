"""Times scikit-learn fits on TRAIN and scores them on TEST, the peer of `mlw-bench fit`.

Reads both CSVs once with pandas (target = last column, the rest float features), then
fits a fresh clone of the model N times (fit only; data in memory) and prints one JSON
line with the keys of `mlw-bench fit`:
{"name":"sklearn.fit","model":...,"rows":...,"fit_s_median":...,"fit_s_min":...,"test_accuracy":...}

Models (as in shared/reference/sklearn-scale.json, with 2 threads):
  forest    RandomForestClassifier(n_estimators=100, n_jobs=THREADS, random_state=0)
  boost     HistGradientBoostingClassifier(max_iter=100, random_state=0)
  logistic  make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
All under threadpoolctl.threadpool_limits(THREADS) (OpenMP and BLAS threads).

--accuracy-seeds N also fits (untimed) with random_state 1 .. N-1 and adds
"test_accuracy_seeds", every seed's accuracy, the timed fit's (random_state 0) first.

usage: python sklearn_fit.py TRAIN TEST --model forest|boost|logistic [--repeat N] [--threads N]
                             [--accuracy-seeds N]
"""
import argparse
import gc
import json
import statistics
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from machine import cpu_pressure


def estimator(name: str, threads: int):
    if name == "forest":
        return (RandomForestClassifier(n_estimators=100, n_jobs=threads, random_state=0),
                f"RandomForestClassifier(n_estimators=100, n_jobs={threads}, random_state=0)")
    if name == "boost":
        return (HistGradientBoostingClassifier(max_iter=100, random_state=0),
                "HistGradientBoostingClassifier(max_iter=100, random_state=0)")
    if name == "logistic":
        return (make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
                "make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))")
    raise SystemExit(f"sklearn_fit.py: unknown model {name!r}")




def table(path: str):
    frame = pd.read_csv(path)
    target = frame.columns[-1]
    return frame.drop(columns=[target]).to_numpy(dtype="float64"), frame[target].to_numpy()


def details(model) -> dict:
    final = model[-1] if hasattr(model, "steps") else model
    extra = {}
    if hasattr(final, "n_iter_"):
        extra["iterations"] = int(np.max(final.n_iter_))
    if hasattr(final, "estimators_"):
        extra["mean_tree_depth"] = round(statistics.fmean(t.get_depth() for t in final.estimators_), 2)
        extra["mean_tree_leaves"] = round(statistics.fmean(t.get_n_leaves() for t in final.estimators_), 2)
    return extra


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train")
    parser.add_argument("test")
    parser.add_argument("--model", required=True, choices=["forest", "boost", "logistic"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--accuracy-seeds", type=int, default=1)
    args = parser.parse_args()

    x_train, y_train = table(args.train)
    x_test, y_test = table(args.test)
    prototype, description = estimator(args.model, args.threads)

    seconds = []
    model = None
    with threadpool_limits(limits=args.threads):
        pressure_before = cpu_pressure()
        for _ in range(args.repeat):
            model = None
            gc.collect()
            candidate = clone(prototype)
            start = time.perf_counter()
            candidate.fit(x_train, y_train)
            seconds.append(time.perf_counter() - start)
            model = candidate
        pressure_after = cpu_pressure()
        accuracy = model.score(x_test, y_test)
        accuracies = [float(accuracy)]
        for seed in range(1, args.accuracy_seeds):
            another = clone(prototype)
            if "random_state" in another.get_params():
                another.set_params(random_state=seed)
            accuracies.append(float(another.fit(x_train, y_train).score(x_test, y_test)))

    result = {
        "name": "sklearn.fit",
        "algorithm": args.model,
        "model": description,
        "threads": args.threads,
        "train": args.train,
        "test": args.test,
        "rows": len(y_train),
        "test_rows": len(y_test),
        "features": x_train.shape[1],
        "repeat": args.repeat,
        "fit_s_median": round(statistics.median(seconds), 4),
        "fit_s_min": round(min(seconds), 4),
        "fit_s_all": [round(s, 4) for s in seconds],
        "test_accuracy": round(float(accuracy), 5),
        **details(model),
        **({"test_accuracy_seeds": [round(a, 5) for a in accuracies]} if args.accuracy_seeds > 1 else {}),
        "sklearn": sklearn.__version__,
    }
    if pressure_before is not None:
        result["psi_avg10_before"] = pressure_before
        result["psi_avg10_after"] = pressure_after
    print(json.dumps(result, separators=(",", ":")))


if __name__ == "__main__":
    main()
