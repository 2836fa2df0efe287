"""Writes the two CSVs of the drift benchmark: a baseline and a batch, 20 float columns f0..f19.

numpy.random.default_rng(0): the baseline is BASELINE_ROWS x 20 standard normal, then the batch
BATCH_ROWS x 20 from the same generator, with 5 of its columns shifted (the drift to find):
f0..f2 by +0.5 in mean, f3 scaled by 1.5 and f4 by +0.1 in mean (small, like most real drift).
Written by pandas to_csv(index=False, float_format='%.6f'), each to PATH.partial then renamed.

usage: python make_drift_csv.py BASELINE BATCH [BASELINE_ROWS BATCH_ROWS]
"""
import os
import sys
import time

import numpy as np
import pandas as pd

SHIFTS = {"f0": (0.5, 1.0), "f1": (0.5, 1.0), "f2": (0.5, 1.0), "f3": (0.0, 1.5), "f4": (0.1, 1.0)}


def write(frame, path):
    partial = path + ".partial"
    frame.to_csv(partial, index=False, float_format="%.6f")
    os.replace(partial, path)


def main() -> None:
    baseline_path, batch_path = sys.argv[1], sys.argv[2]
    baseline_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    batch_rows = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
    start = time.perf_counter()
    rng = np.random.default_rng(0)
    columns = [f"f{i}" for i in range(20)]
    baseline = pd.DataFrame(rng.standard_normal((baseline_rows, 20)), columns=columns)
    batch = pd.DataFrame(rng.standard_normal((batch_rows, 20)), columns=columns)
    for column, (shift, scale) in SHIFTS.items():
        batch[column] = batch[column] * scale + shift
    write(baseline, baseline_path)
    write(batch, batch_path)
    print(f"wrote {baseline_path} ({baseline_rows:,} rows) and {batch_path} ({batch_rows:,} rows, "
          f"{', '.join(SHIFTS)} shifted) in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
