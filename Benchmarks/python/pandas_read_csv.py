"""Times pandas.read_csv(PATH) (default C engine, default options) like the reference.

Prints one JSON line with the keys of `mlw-bench csv`:
{"name":"pandas.read_csv","file":...,"bytes":...,"rows":...,"seconds_median":...,"mb_per_s":...}
MB = 10^6 bytes. The file should be in the page cache beforehand.

usage: python pandas_read_csv.py PATH [--repeat N]
"""
import argparse
import gc
import json
import os
import statistics
import time

import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    seconds = []
    rows = columns = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        frame = pd.read_csv(args.path)
        seconds.append(time.perf_counter() - start)
        rows, columns = frame.shape
        del frame
        gc.collect()

    size = os.path.getsize(args.path)
    median = statistics.median(seconds)
    print(json.dumps({
        "name": "pandas.read_csv",
        "file": args.path,
        "bytes": size,
        "rows": rows,
        "seconds_median": round(median, 6),
        "mb_per_s": round(size / 1e6 / median, 1),
        "columns": columns,
        "repeat": args.repeat,
        "seconds_min": round(min(seconds), 6),
        "seconds_all": [round(s, 6) for s in seconds],
        "pandas": pd.__version__,
    }, separators=(",", ":")))


if __name__ == "__main__":
    main()
