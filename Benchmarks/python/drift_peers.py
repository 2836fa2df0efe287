"""Times the Python peers of `mlw-bench drift` on the same two CSVs, in the same run.

- scipy: `scipy.stats.ks_2samp(baseline[c], batch[c])` for each of the columns, one after the
  other (SciPy's own work is single-threaded), median of --repeat; and the normalised
  Wasserstein distance `wasserstein_distance(ref, cur) / numpy.std(ref)` the same way (the
  score Evidently picks for these sizes).
- Evidently: `Report([DataDriftPreset()]).run(current_data=batch, reference_data=baseline)`,
  timed --evidently-repeat times (default 1: it takes about a minute).
Both files are read with pandas first (not timed). Prints one JSON object per line:
{"tool":"scipy",...} and {"tool":"evidently",...}; --tool picks one (Evidently 0.7 does not
import under pandas 3, so scripts/bench runs it from a venv of its own with pandas 2).

usage: python drift_peers.py BASELINE BATCH [--tool scipy|evidently|both] [--repeat N]
                             [--evidently-repeat N]
"""
import argparse
import json
import statistics
import sys
import time
import warnings

import numpy as np
import pandas as pd

from machine import cpu_pressure




def timed(body, repeat):
    seconds, last = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        last = body()
        seconds.append(time.perf_counter() - start)
    return seconds, last


def summary(seconds):
    return {"s_median": round(statistics.median(seconds), 6), "s_min": round(min(seconds), 6),
            "s_all": [round(s, 6) for s in seconds]}


def scipy_result(baseline, batch, columns, repeat):
    import scipy
    from scipy import stats

    def ks():
        return [stats.ks_2samp(baseline[c].to_numpy(), batch[c].to_numpy()) for c in columns]

    def wasserstein():
        return [stats.wasserstein_distance(baseline[c].to_numpy(), batch[c].to_numpy())
                / max(np.std(baseline[c].to_numpy()), 0.001) for c in columns]

    before = cpu_pressure()
    ks_seconds, ks_results = timed(ks, repeat)
    w_seconds, w_scores = timed(wasserstein, repeat)
    result = {"tool": "scipy", "scipy": scipy.__version__, "numpy": np.__version__,
              "baseline_rows": len(baseline), "batch_rows": len(batch), "columns": len(columns),
              "repeat": repeat}
    result.update({f"ks_{key}": value for key, value in summary(ks_seconds).items()})
    result.update({f"wasserstein_{key}": value for key, value in summary(w_seconds).items()})
    result["ks_drifted"] = sum(1 for r in ks_results if r.pvalue < 0.05)
    result["wasserstein_drifted"] = sum(1 for score in w_scores if score >= 0.1)
    result["psi_avg10_before"], result["psi_avg10_after"] = before, cpu_pressure()
    return result


def drifted_count(snapshot):
    """The drifted-columns count of an Evidently snapshot, None where the layout is unknown."""
    try:
        for metric in snapshot.dict()["metrics"]:
            if "DriftedColumnsCount" in str(metric.get("metric_id", metric.get("metric_name", ""))):
                value = metric["value"]
                return int(value["count"]) if isinstance(value, dict) else int(value)
    except Exception:  # a different Evidently version: the timing still stands
        pass
    return None


def evidently_result(baseline, batch, repeat):
    import evidently
    from evidently import Report
    from evidently.presets import DataDriftPreset

    def run():
        return Report([DataDriftPreset()]).run(current_data=batch, reference_data=baseline)

    before = cpu_pressure()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seconds, snapshot = timed(run, repeat)
    result = {"tool": "evidently", "evidently": evidently.__version__, "pandas": pd.__version__,
              "baseline_rows": len(baseline),
              "batch_rows": len(batch), "columns": baseline.shape[1], "repeat": repeat}
    result.update(summary(seconds))
    result["drifted"] = drifted_count(snapshot)
    result["psi_avg10_before"], result["psi_avg10_after"] = before, cpu_pressure()
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline")
    parser.add_argument("batch")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--evidently-repeat", type=int, default=1)
    parser.add_argument("--tool", choices=["scipy", "evidently", "both"], default="both")
    args = parser.parse_args()
    baseline = pd.read_csv(args.baseline)
    batch = pd.read_csv(args.batch)
    columns = list(baseline.columns)
    if args.tool in ("scipy", "both"):
        print(json.dumps(scipy_result(baseline, batch, columns, args.repeat)), flush=True)
    if args.tool in ("evidently", "both"):
        print(json.dumps(evidently_result(baseline, batch, args.evidently_repeat)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
