"""Writes the data set of the estimator-speed reference (shared/reference/sklearn-scale.json).

make_classification(n_samples=100_000, n_features=20, n_informative=10, random_state=0):
header f0..f19 then the target `y` as class labels c0/c1 (so mlw reads it as categorical),
values written exactly (shortest round-trip repr). Three files in DIR:

  make_classification_100k.csv        all 100,000 rows
  make_classification_100k_train.csv  train_test_split(test_size=0.2, random_state=0,
  make_classification_100k_test.csv     stratify=y): 80,000 / 20,000 rows, in split order

so that scikit-learn and mlw fit and score the very same rows. Each is written to
NAME.partial, then renamed.

usage: python make_classification_csv.py DIR
"""
import os
import sys
import time

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

STEM = "make_classification_100k"


def write(frame: pd.DataFrame, path: str) -> None:
    partial = path + ".partial"
    frame.to_csv(partial, index=False)
    os.replace(partial, path)
    print(f"wrote {path}: {len(frame):,} rows x {frame.shape[1]}, {os.path.getsize(path):,} bytes")


def main() -> None:
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    start = time.perf_counter()
    x, y = make_classification(n_samples=100_000, n_features=20, n_informative=10, random_state=0)
    frame = pd.DataFrame(x, columns=[f"f{i}" for i in range(x.shape[1])])
    frame["y"] = np.char.add("c", y.astype(str))
    train, test = train_test_split(frame, test_size=0.2, random_state=0, stratify=frame["y"])
    # The split files first: the full file's presence marks the set as complete.
    write(train, os.path.join(directory, f"{STEM}_train.csv"))
    write(test, os.path.join(directory, f"{STEM}_test.csv"))
    write(frame, os.path.join(directory, f"{STEM}.csv"))
    print(f"in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
