"""Writes the CSV of the pandas.read_csv reference (shared/reference/pandas-read-csv.json).

1,000,000 rows x 20 float64 columns, standard normal from numpy.random.default_rng(0),
header f0..f19, written by pandas to_csv(index=False, float_format='%.6f'): 190,001,435
bytes, the reference's size_bytes. Written to PATH.partial, then renamed to PATH.

usage: python make_numeric_csv.py PATH [ROWS]
"""
import os
import sys
import time

import numpy as np
import pandas as pd

REFERENCE_BYTES = 190_001_435


def main() -> None:
    path = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    start = time.perf_counter()
    values = np.random.default_rng(0).standard_normal((rows, 20))
    frame = pd.DataFrame(values, columns=[f"f{i}" for i in range(20)])
    partial = path + ".partial"
    frame.to_csv(partial, index=False, float_format="%.6f")
    os.replace(partial, path)
    size = os.path.getsize(path)
    note = ""
    if rows == 1_000_000 and size != REFERENCE_BYTES:
        note = f" (the reference file had {REFERENCE_BYTES:,} bytes)"
    print(f"wrote {path}: {rows:,} rows x 20, {size:,} bytes in {time.perf_counter() - start:.1f} s{note}")


if __name__ == "__main__":
    main()
