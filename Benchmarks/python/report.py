"""Turns the results of scripts/bench into Markdown tables.

usage: python report.py --section csv|startup|all --csv-pandas F --csv-mlw F
                        --startup F --reference DIR [--machine TEXT]

--csv-pandas / --csv-mlw: JSON lines from pandas_read_csv.py and `mlw-bench csv`.
--startup: hyperfine --export-json output; its first command is mlw's start-up, any
others are Python peers measured in the same run.
"""
import argparse
import json
import os

STARTUP_GOAL_MS = 50.0


def load_json(path):
    if not path or not os.path.exists(path):
        return None
    with open(path) as handle:
        text = handle.read().strip()
    try:
        return json.loads(text)
    except ValueError:  # a log whose last line is the JSON result
        return json.loads(text.splitlines()[-1])


def reference(directory, name):
    path = os.path.join(directory, name)
    return load_json(path) if directory else None


def csv_table(pandas_result, mlw_result, ref_dir):
    if not (pandas_result and mlw_result):
        return ""
    rows = pandas_result["rows"]
    mb = pandas_result["bytes"] / 1e6
    ratio = mlw_result["seconds_median"] / pandas_result["seconds_median"]
    lines = [
        f"CSV load: {rows:,} rows × {pandas_result['columns']} float columns, "
        f"{mb:,.0f} MB, from the page cache; median of {pandas_result['repeat']} runs each, same file, same run.",
        "",
        "| tool | seconds (median) | MB/s | mlw/pandas time | seconds (best) |",
        "|---|---:|---:|---:|---:|",
        f"| pandas {pandas_result.get('pandas', '')} `read_csv` (C engine, both cores) "
        f"| {pandas_result['seconds_median']:.3f} | {pandas_result['mb_per_s']:,.0f} | 1.00 "
        f"| {pandas_result['seconds_min']:.3f} |",
        f"| mlw `CSVReader.read` (`mlw-bench csv`) "
        f"| {mlw_result['seconds_median']:.3f} | {mlw_result['mb_per_s']:,.0f} | {ratio:.2f} "
        f"| {mlw_result['seconds_min']:.3f} |",
    ]
    ref = reference(ref_dir, "pandas-read-csv.json")
    if ref:
        lines.append(
            f"| *reference: pandas.read_csv, pandas-read-csv.json* "
            f"| *{ref['read_s_median']:.3f}* | *{ref['mb_per_s']:,.0f}* | | *{min(ref['read_s_all']):.3f}* |")
    if mlw_result["rows"] != rows:
        lines.append(f"\n**rows differ**: pandas {rows:,}, mlw {mlw_result['rows']:,}")
    if abs(ratio - 1) < 0.03:
        verdict = "on par with pandas"
    elif ratio < 1:
        verdict = f"{1 / ratio:.2f}× faster than pandas"
    else:
        verdict = f"{ratio:.2f}× slower than pandas"
    lines += ["", f"mlw is {verdict} here (mlw/pandas time {ratio:.2f}; below 1 is faster)."]
    return "\n".join(lines)


def startup_table(hyperfine, ref_dir):
    if not hyperfine:
        return ""
    results = hyperfine["results"]
    mlw = results[0]
    mean_ms, sd_ms = mlw["mean"] * 1e3, mlw["stddev"] * 1e3
    runs = len(mlw.get("times", []))
    met = "met" if mean_ms <= STARTUP_GOAL_MS else "**missed**"
    lines = [
        "Start-up: process start → ready for input → exit, hyperfine with warm-up "
        "(mean ± σ; hyperfine subtracts its shell's own start-up).",
        "",
        "| command | mean ± σ (ms) | median (ms) | best (ms) | vs 50 ms goal (mean) |",
        "|---|---:|---:|---:|---:|",
        f"| `printf 'quit\\n' \\| mlw --no-record` ({runs} runs) | {mean_ms:.1f} ± {sd_ms:.1f} "
        f"| {mlw['median'] * 1e3:.1f} | {mlw['min'] * 1e3:.1f} | {met} |",
    ]
    for peer in results[1:]:
        lines.append(
            f"| `{peer['command'].split('/')[-1]}` (same run, {len(peer.get('times', []))} runs) "
            f"| {peer['mean'] * 1e3:.1f} ± {peer['stddev'] * 1e3:.1f} "
            f"| {peer['median'] * 1e3:.1f} | {peer['min'] * 1e3:.1f} | |")
    ref = reference(ref_dir, "python-startup.json")
    if ref:
        for row in ref["rows"]:
            if row["command"] == "python -c 'import sklearn'":
                ms = row["median_s"] * 1e3
                lines.append(
                    f"| *reference: `python -c \"import sklearn\"`, python-startup.json (median)* "
                    f"| | *{ms:,.0f}* | *{min(row['all_s']) * 1e3:,.0f}* | |")
                lines += ["", f"mlw starts {ms / mean_ms:,.0f}× faster than `import sklearn` "
                              f"({mean_ms:.1f} ms vs {ms:,.0f} ms)."]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--section", choices=["csv", "startup", "all"], default="all")
    parser.add_argument("--csv-pandas")
    parser.add_argument("--csv-mlw")
    parser.add_argument("--startup")
    parser.add_argument("--reference")
    parser.add_argument("--machine", default="")
    args = parser.parse_args()

    parts = []
    if args.section in ("csv", "all"):
        parts.append(csv_table(load_json(args.csv_pandas), load_json(args.csv_mlw), args.reference))
    if args.section in ("startup", "all"):
        parts.append(startup_table(load_json(args.startup), args.reference))
    parts = [part for part in parts if part]
    if args.section == "all":
        parts.insert(0, "## Performance\n\n" + args.machine if args.machine else "## Performance")
    print("\n\n".join(parts))


if __name__ == "__main__":
    main()
