"""Turns the results of scripts/bench into Markdown tables.

usage: python report.py --section csv|startup|learn|store|drift|serve|all --csv-pandas F --csv-mlw F
                        --startup F --learn-mlw F --learn-sklearn F --store F
                        --drift-mlw F --drift-peers F --serve F --serve-meta F --serve-model F
                        --reference DIR [--machine TEXT]

--csv-pandas / --csv-mlw: JSON lines from pandas_read_csv.py and `mlw-bench csv`.
--startup: hyperfine --export-json output; its first command is mlw's start-up, any
others are Python peers measured in the same run.
--learn-mlw / --learn-sklearn: files of JSON lines, one per model, from `mlw-bench fit`
and sklearn_fit.py on the same train/test files.
--store: the JSON line of `mlw-bench store`.
--drift-mlw / --drift-peers: the JSON line of `mlw-bench drift`, and the JSON lines of
drift_peers.py (scipy, then Evidently) on the same two files.
--serve / --serve-meta / --serve-model: the JSON lines of scripts/bench's serving points (one per
server, body and connection count, each with wrk's post_json.lua result and the CPU seconds
spent), the run's facts (wrk version, body sizes, prediction agreement) and serve_iris.py's
line about the MLflow model.
"""
import argparse
import json
import math
import statistics
import os

STARTUP_GOAL_MS = 50.0
# A filtered `runs` over 10,000 logged runs answers in under this.
STORE_GOAL_MS = 50.0
# The drift report of 1,000,000 rows against 100,000, 20 numeric columns, in under this.
DRIFT_GOAL_S = 1.0
# Serving goals: mlw's requests/s at 32 connections at least this many times MLflow's
# (single-row body), and its p99 at 4 connections under this.
SERVE_RATIO_GOAL = 30.0
SERVE_P99_GOAL_MS = 2.0
# ../shared/reference/peers.md (prose, not JSON): `mlflow models serve` 3.17, --workers 2,
# the same model and bodies, wrk -t2, measured alone on another day.
SERVE_REFERENCE = ("MLflow 3.17 alone: 450 req/s, p50 7.7 ms, p99 31 ms at 4 connections; "
                   "479 req/s, p99 233 ms at 32; 100-row bodies 411 req/s (4) and 451 req/s (32)")

# Estimator speed goals: mlw's median fit time at most this share of scikit-learn's.
LEARN_MODELS = [
    # (algorithm, row label, time goal as a share of sklearn's, accuracy must be at least sklearn's)
    ("forest", "random forest, 100 trees", 0.5, True),
    ("boost", "gradient boosting, 100 rounds", 1.0, False),
    ("logistic", "logistic regression", 1.0, False),
]
# "Equal" accuracy for the forest goal, with one seed each: at most this far below
# scikit-learn's. On 20,000 test rows it is 40 rows, about 1.6 standard errors of a 0.97
# accuracy. With several seeds each (--accuracy-seeds), equal means not significantly below:
# a one-sided Welch t-test of the seeds' accuracies at this level.
ACCURACY_TOLERANCE = 0.002
ACCURACY_SIGNIFICANCE = 0.05


def seed_accuracies(result):
    """Every seed's test accuracy when the fit reported several, else None."""
    values = result.get("test_accuracy_seeds")
    return values if values and len(values) > 1 else None


def accuracy_text(result):
    values = seed_accuracies(result)
    if values is None:
        return f"{result['test_accuracy']:.4f}"
    return f"{statistics.fmean(values):.4f} ± {statistics.stdev(values):.4f}"


def accuracy_rule(rows, mlw, sklearn, test_rows):
    """How the table's accuracies were measured and compared, in one sentence."""
    seeded = [algorithm for algorithm, *_ in rows
              if seed_accuracies(mlw[algorithm]) and seed_accuracies(sklearn[algorithm])]
    single = (f"Accuracy counts as equal within {ACCURACY_TOLERANCE} ({ACCURACY_TOLERANCE * test_rows:.0f} of the "
              f"{test_rows:,} test rows; the standard error of a 0.97 accuracy there is "
              f"{math.sqrt(0.97 * 0.03 / test_rows):.4f}).")
    if not seeded:
        return single
    counts = len(seed_accuracies(mlw[seeded[0]]))
    return (f"{', '.join(seeded).capitalize()} accuracy: mean ± standard deviation over {counts} seeds (mlw seeds 0 to "
            f"{counts - 1}, scikit-learn random_state 0 to {counts - 1}; the timed fits are seed 0), since one seed's "
            "accuracy is a draw: equal or better means not significantly below scikit-learn's (one-sided Welch "
            f"t-test, p ≥ {ACCURACY_SIGNIFICANCE}). For one seed: " + single[0].lower() + single[1:])


def accuracy_verdict(ours, theirs):
    """(qualifier, miss) for the 'equal or better accuracy' goal: a one-sided Welch t-test
    over the seeds when both report several, else the fixed tolerance on one seed."""
    mine, peers = seed_accuracies(ours), seed_accuracies(theirs)
    if mine and peers:
        from scipy.stats import ttest_ind
        gap = statistics.fmean(mine) - statistics.fmean(peers)
        if gap >= 0:
            return f" (accuracy {gap:+.4f} over {len(mine)} and {len(peers)} seeds)", None
        p = ttest_ind(mine, peers, equal_var=False, alternative="less").pvalue
        if p >= ACCURACY_SIGNIFICANCE:
            return (f" (accuracy {gap:+.4f} over {len(mine)} and {len(peers)} seeds: not significantly below, "
                    f"one-sided Welch p = {p:.2f})"), None
        return "", f"accuracy ({gap:+.4f} over the seeds, p = {p:.3f})"
    gap = ours["test_accuracy"] - theirs["test_accuracy"]
    if gap >= 0:
        return "", None
    if gap >= -ACCURACY_TOLERANCE:
        return f" (accuracy {gap:+.4f}, within {ACCURACY_TOLERANCE})", None
    return "", f"accuracy ({gap:+.4f})"


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


def load_json_lines(path):
    """The JSON objects of a file of JSON lines (other lines ignored), [] when absent."""
    if not path or not os.path.exists(path):
        return []
    results = []
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("{"):
                results.append(json.loads(line))
    return results


def parameters_text(params):
    return ", ".join(f"{key}={value}" for key, value in params.items())


def learn_table(mlw_results, sklearn_results, ref_dir):
    mlw = {result["algorithm"]: result for result in mlw_results}
    sklearn = {result["algorithm"]: result for result in sklearn_results}
    rows = [model for model in LEARN_MODELS if model[0] in mlw and model[0] in sklearn]
    if not rows:
        return ""
    first = sklearn[rows[0][0]]
    lines = [
        f"Estimator fit speed: `make_classification(n_samples=100_000, n_features=20, n_informative=10, "
        f"random_state=0)`, one stratified 80/20 split written to two CSVs "
        f"({first['rows']:,} train rows, {first['test_rows']:,} test rows) that both tools read. "
        f"Fit only, on data already in memory, median of {first['repeat']} fits each, both cores, same run; "
        "accuracy on the test rows.",
        "",
        "| model | mlw fit s | sklearn fit s | mlw/sklearn | mlw accuracy | sklearn accuracy | goal | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    notes = []
    for algorithm, label, share, needs_accuracy in rows:
        ours, theirs = mlw[algorithm], sklearn[algorithm]
        ratio = ours["fit_s_median"] / theirs["fit_s_median"]
        time_met = ratio <= share
        goal = f"≤ {share:g}× sklearn's time" + (" at equal or better accuracy" if needs_accuracy else "")
        misses = [] if time_met else [f"time ({ratio:.2f}×)"]
        qualifier, accuracy_miss = accuracy_verdict(ours, theirs) if needs_accuracy else ("", None)
        if accuracy_miss:
            misses.append(accuracy_miss)
        verdict = "met" + qualifier if not misses else "**missed**: " + ", ".join(misses)
        lines.append(
            f"| {label} | {ours['fit_s_median']:.3f} | {theirs['fit_s_median']:.3f} | {ratio:.2f} "
            f"| {accuracy_text(ours)} | {accuracy_text(theirs)} | {goal} | {verdict} |")
        iterations = f"; {ours['iterations']} iterations" if algorithm == "logistic" and "iterations" in ours else ""
        their_iterations = (f"; {theirs['iterations']} iterations"
                            if algorithm in ("logistic", "boost") and "iterations" in theirs else "")
        notes.append(
            f"- {label}: mlw `{algorithm}` ({parameters_text(ours['params'])}{iterations}), "
            f"fits {', '.join(f'{s:.3f}' for s in ours['fit_s_all'])} s; "
            f"scikit-learn `{theirs['model']}`, {theirs['threads']} threads{their_iterations}, "
            f"fits {', '.join(f'{s:.3f}' for s in theirs['fit_s_all'])} s.")
    pressures = []
    for algorithm, label, _, _ in rows:
        for tool, result in (("mlw", mlw[algorithm]), ("sklearn", sklearn[algorithm])):
            if "psi_avg10_before" in result:
                pressures.append(f"{algorithm} {tool} {result['psi_avg10_before']:g}→{result['psi_avg10_after']:g}")
    test_rows = first["test_rows"]
    lines += [
        "",
        "mlw/sklearn below 1 is faster. " + accuracy_rule(rows, mlw, sklearn, test_rows),
        "",
        *notes,
        "- Threads: mlw's fits run on both cores (its own parallel loops; XGBoost `nthread=2` for boost); "
        "scikit-learn under `threadpool_limits(2)` (OpenMP and BLAS), and `n_jobs=2` for the forest.",
    ]
    if pressures:
        lines.append("- CPU pressure (PSI some avg10, %, before→after each tool's fits; "
                     "above ~10 the machine was busy): " + "; ".join(pressures) + ".")
    ref = reference(ref_dir, "sklearn-scale.json")
    if ref:
        figures = {}
        for row in ref["rows"]:
            figures.setdefault((row["model"], row["threads"]), row["fit_s_median"])
        wanted = [("RandomForest(100, max_depth=None)", "RandomForest"),
                  ("HistGradientBoosting(max_iter=100)", "HistGradientBoosting"),
                  ("LogisticRegression(max_iter=1000)", "LogisticRegression")]
        known = [f"{short} {figures[(name, 2)]:.2f} s ({figures[(name, 1)]:.2f} s on 1 thread)"
                 for name, short in wanted if (name, 2) in figures and (name, 1) in figures]
        if known:
            lines.append("- *Reference (sklearn-scale.json: 2 threads, fit on all 100,000 rows, another day): "
                         + ", ".join(known) + ".*")
    for algorithm, _, _, _ in rows:
        if mlw[algorithm]["rows"] != sklearn[algorithm]["rows"]:
            lines.append(f"\n**rows differ** for {algorithm}: mlw {mlw[algorithm]['rows']:,}, "
                         f"sklearn {sklearn[algorithm]['rows']:,}")
    return "\n".join(lines)


def store_table(result):
    if not result:
        return ""
    queries = [value for key, value in result.items() if key.startswith("query_")]
    goal = result.get("goal_ms", STORE_GOAL_MS)
    lines = [
        f"Experiment store: {result['runs']:,} runs logged into a fresh store (SQLite, WAL) by `mlw-bench store`, "
        "one `logRun` each (its own transaction, as mlw logs them): 8 algorithms with 2–4 of their params, "
        f"classification or regression metrics, {result['tune_runs']:,} tune runs with "
        f"{result['child_runs']:,} child runs. Then each listing {result['repeat']} times, no warm-up "
        "(the max includes the first call).",
        "",
        "| what | rows | median (ms) | max (ms) | goal | met? |",
        "|---|---:|---:|---:|---|---|",
        f"| log one run (`logRun`) | | {result['log_per_run_ms_median']:.3f} "
        f"| {result['log_per_run_ms_max']:.3f} (p99 {result['log_per_run_ms_p99']:.3f}) | | |",
    ]
    for query in queries:
        if query.get("filtered"):
            goal_text = f"< {goal:g} ms"
            met = "met" if query["ms_max"] < goal else "**missed**"
        else:
            goal_text, met = "", ""
        lines.append(f"| `{query['command']}` | {query['rows']:,} | {query['ms_median']:.3f} | {query['ms_max']:.3f} "
                     f"| {goal_text} | {met} |")
    lines += [
        "",
        f"Logging all {result['runs']:,} runs took {result['log_total_s']:.2f} s "
        f"({result['log_per_run_ms_mean']:.3f} ms a run on average); the database is "
        f"{result['db_bytes'] / 1e6:,.1f} MB. `runs` filters in SQL and then reads the listed runs in full "
        "(params, metrics, data, children), so a listing's time grows with the rows it returns.",
    ]
    if "psi_avg10_before" in result:
        lines.append(f"CPU pressure (PSI some avg10) {result['psi_avg10_before']:g}→{result['psi_avg10_after']:g} % "
                     "around the listings.")
    return "\n".join(lines)


def drift_table(mlw, peers):
    if not mlw:
        return ""
    by_tool = {peer["tool"]: peer for peer in peers}
    goal = mlw.get("goal_s", DRIFT_GOAL_S)
    methods = ", ".join(f"{count} × {method}" for method, count in mlw["methods"].items())
    lines = [
        f"Drift report: a {mlw['batch_rows']:,}-row batch against a {mlw['baseline_rows']:,}-row baseline, "
        f"{mlw['columns']} float columns of which 5 shifted, both files read first (not timed); "
        f"median of {mlw['repeat']} runs each, same files, same run.",
        "",
        "| tool | work | seconds (median) | mlw time / its | drifted columns | goal | met? |",
        "|---|---|---:|---:|---:|---|---|",
        f"| mlw `FeatureDrift.compare` on every column, both cores (`mlw-bench drift`) "
        f"| report, default methods ({methods}) | {mlw['report_s_median']:.3f} | 1.00 | {mlw['drifted']} "
        f"| < {goal:g} s | {'met' if mlw['report_s_median'] < goal else '**missed**'} |",
        f"| mlw, same | KS test forced on every column | {mlw['ks_s_median']:.3f} | | {mlw['ks_drifted']} | | |",
    ]
    scipy_peer = by_tool.get("scipy")
    if scipy_peer:
        lines += [
            f"| scipy {scipy_peer['scipy']} `ks_2samp` per column (one core) | KS on every column "
            f"| {scipy_peer['ks_s_median']:.3f} | {mlw['ks_s_median'] / scipy_peer['ks_s_median']:.3f} "
            f"| {scipy_peer['ks_drifted']} | | |",
            f"| scipy `wasserstein_distance` / `numpy.std` per column (one core) | normalised Wasserstein "
            f"on every column | {scipy_peer['wasserstein_s_median']:.3f} "
            f"| {mlw['report_s_median'] / scipy_peer['wasserstein_s_median']:.3f} "
            f"| {scipy_peer['wasserstein_drifted']} | | |",
        ]
    evidently = by_tool.get("evidently")
    if evidently:
        drifted = evidently["drifted"] if evidently.get("drifted") is not None else "?"
        runs = "once" if evidently["repeat"] == 1 else f"median of {evidently['repeat']}"
        lines.append(
            f"| Evidently {evidently['evidently']} `Report([DataDriftPreset()]).run` ({runs}) "
            f"| report, default methods | {evidently['s_median']:.3f} "
            f"| {mlw['report_s_median'] / evidently['s_median']:.4f} | {drifted} | | |")
    lines += [
        "",
        "\"mlw time / its\" below 1 is faster: the mlw report against Evidently's and scipy's Wasserstein, "
        "mlw's KS against scipy's.",
    ]
    if evidently and evidently["s_median"] > 0:
        lines[-1] += f" mlw's report is {evidently['s_median'] / mlw['report_s_median']:,.0f}× faster than Evidently's."
    pressures = []
    for label, result in (("mlw", mlw), ("scipy", scipy_peer), ("Evidently", evidently)):
        if result and result.get("psi_avg10_before") is not None:
            pressures.append(f"{label} {result['psi_avg10_before']:g}→{result['psi_avg10_after']:g}")
    if pressures:
        lines.append("CPU pressure (PSI some avg10, %, before→after): " + "; ".join(pressures) + ".")
    if scipy_peer and scipy_peer["batch_rows"] != mlw["batch_rows"]:
        lines.append(f"\n**rows differ**: scipy {scipy_peer['batch_rows']:,}, mlw {mlw['batch_rows']:,}")
    return "\n".join(lines)


def serve_table(points, meta, model):
    if not points:
        return ""
    meta = meta or {}
    model = model or {}
    by_key = {(p["server"], p["rows"], p["connections"]): p for p in points}
    seconds = points[0]["seconds"]
    sizes = meta.get("body_bytes", {})
    lines = [
        "Serving: iris (150 rows, 4 numeric features, 3 classes), a logistic regression trained on all of it; "
        "`POST /invocations` with a `dataframe_split` JSON body over loopback, "
        f"wrk {meta.get('wrk', '')} `-t2 --latency`, {seconds} s a point after a 3 s warm-up; both servers "
        "running side by side, the same bodies, the same run. mlw: `mlw serve` (release build) on the "
        "registry's production version, data capture at its default (every request stored for monitoring); "
        f"\"capture off\": the same server after `deploy iris capture=0`, measured last. MLflow {model.get('mlflow', '')}: `mlflow models serve --env-manager local "
        f"--workers 2` (uvicorn, its default access log) on a scikit-learn {model.get('sklearn', '')} "
        "Pipeline(StandardScaler, LogisticRegression(max_iter=1000)) saved with its signature.",
        "",
        "| body | connections | server | requests/s | p50 (ms) | p99 (ms) | mlw/MLflow requests/s "
        "| CPU cores: server / wrk / other | goal | met? |",
        "|---|---:|---|---:|---:|---:|---:|---|---|---|",
    ]
    total_requests = 0
    errors = []
    for rows in sorted({p["rows"] for p in points}):
        size = sizes.get(str(rows))
        body = f"{rows} row{'s' if rows != 1 else ''}" + (f" ({size:,} B)" if size else "")
        for connections in sorted({p["connections"] for p in points if p["rows"] == rows}):
            theirs = by_key.get(("mlflow", rows, connections))
            for key, server in (("mlw", "mlw"), ("mlw-capture-off", "mlw, capture off"), ("mlflow", "MLflow")):
                point = by_key.get((key, rows, connections))
                if not point:
                    continue
                result = point["wrk"]
                total_requests += result["requests"]
                failed = {name[len("errors_"):]: value for name, value in result.items()
                          if name.startswith("errors_") and value}
                if failed:
                    errors.append(f"{server}, {body}, {connections} connections: "
                                  + ", ".join(f"{value:,} {key}" for key, value in failed.items()))
                ratio, goal, met = "", "", ""
                if key != "mlflow" and theirs:
                    factor = result["requests_per_s"] / theirs["wrk"]["requests_per_s"]
                    ratio = f"{factor:,.1f}×"
                if server == "mlw" and theirs:
                    if rows == 1 and connections == 32:
                        goal = f"≥ {SERVE_RATIO_GOAL:g}× MLflow's requests/s"
                        met = "met" if factor >= SERVE_RATIO_GOAL else "**missed**"
                if server == "mlw" and rows == 1 and connections == 4:
                    p99 = result["latency_us"]["p99"] / 1e3
                    goal = f"p99 < {SERVE_P99_GOAL_MS:g} ms"
                    met = "met" if p99 < SERVE_P99_GOAL_MS else "**missed**"
                cpu = point["cpu_s"]
                wall = cpu["wall"] or seconds
                other = max(cpu["machine"] - cpu["server"] - cpu["wrk"], 0.0)
                lines.append(
                    f"| {body} | {connections} | {server} | {result['requests_per_s']:,.0f} "
                    f"| {result['latency_us']['p50'] / 1e3:.2f} | {result['latency_us']['p99'] / 1e3:.2f} | {ratio} "
                    f"| {cpu['server'] / wall:.2f} / {cpu['wrk'] / wall:.2f} / {other / wall:.2f} | {goal} | {met} |")
    cores = meta.get("cores")
    lines += [
        "",
        "mlw/MLflow above 1 is faster. CPU cores: CPU seconds per second of the point, of the server's processes, "
        "of wrk, and of everything else on the machine (noise)"
        + (f"; the machine has {cores} cores, so wrk and the server share them." if cores else "."),
    ]
    # MLflow's 2 uvicorn workers share one listening socket: when one accepts every connection,
    # the other idles and MLflow runs on about one core.
    one_worker = [f"{p['rows']} row{'s' if p['rows'] != 1 else ''}, {p['connections']} connections"
                  for p in points if p["server"] == "mlflow"
                  and p["cpu_s"]["server"] / (p["cpu_s"]["wall"] or seconds) < 1.3
                  and (p["cpu_s"]["machine"] - p["cpu_s"]["server"] - p["cpu_s"]["wrk"]) / (p["cpu_s"]["wall"] or seconds) < 0.3]
    if one_worker:
        lines.append("MLflow used about one core (of its 2 workers, one took every connection; they share a listening "
                     "socket) at: " + "; ".join(one_worker) + ", so its figures there are about half what 2 busy "
                     "workers give, and the ratio twice as high.")
    # With capture on, a request is captured unless the capture buffer was full (the drain could not keep up).
    dropped = [f"{p['rows']} row{'s' if p['rows'] != 1 else ''}, {p['connections']} connections: "
               f"{p['captures']['dropped']:,} of {p['captures']['answered']:,} "
               f"({100 * p['captures']['dropped'] / p['captures']['answered']:.0f} %)"
               for p in points if p["server"] == "mlw" and p.get("captures", {}).get("answered")]
    if dropped:
        if any(p["server"] == "mlw" and p.get("captures", {}).get("dropped") for p in points):
            lines.append("Data capture dropped requests it could not store in time (served, not captured; "
                         "`mlw_captures_dropped_total`): " + "; ".join(dropped) + ".")
        else:
            lines.append("Data capture stored every request answered (no capture dropped).")
    agreement = meta.get("agreement_100")
    check = ("Before timing, each body was posted once to each server: HTTP 200 and one known label per row")
    if agreement:
        check += (f"; on the 100-row body mlw and MLflow predict the same class for {agreement['same']} "
                  f"of {agreement['rows']} rows")
    lines.append(check + ".")
    if errors:
        lines.append("**Errors** (socket errors or non-2xx responses): " + "; ".join(errors) + ".")
    else:
        lines.append(f"No socket errors and no non-2xx responses in {total_requests:,} timed requests.")
    lines.append(f"*Reference (peers.md): {SERVE_REFERENCE}.*")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--section", choices=["csv", "startup", "learn", "store", "drift", "serve", "all"],
                        default="all")
    parser.add_argument("--csv-pandas")
    parser.add_argument("--csv-mlw")
    parser.add_argument("--startup")
    parser.add_argument("--learn-mlw")
    parser.add_argument("--learn-sklearn")
    parser.add_argument("--store")
    parser.add_argument("--drift-mlw")
    parser.add_argument("--drift-peers")
    parser.add_argument("--serve")
    parser.add_argument("--serve-meta")
    parser.add_argument("--serve-model")
    parser.add_argument("--reference")
    parser.add_argument("--machine", default="")
    args = parser.parse_args()

    parts = []
    if args.section in ("csv", "all"):
        parts.append(csv_table(load_json(args.csv_pandas), load_json(args.csv_mlw), args.reference))
    if args.section in ("startup", "all"):
        parts.append(startup_table(load_json(args.startup), args.reference))
    if args.section in ("learn", "all"):
        parts.append(learn_table(load_json_lines(args.learn_mlw), load_json_lines(args.learn_sklearn),
                                 args.reference))
    if args.section in ("store", "all"):
        parts.append(store_table(load_json(args.store)))
    if args.section in ("drift", "all"):
        parts.append(drift_table(load_json(args.drift_mlw), load_json_lines(args.drift_peers)))
    if args.section in ("serve", "all"):
        parts.append(serve_table(load_json_lines(args.serve), load_json(args.serve_meta), load_json(args.serve_model)))
    parts = [part for part in parts if part]
    if args.section == "all":
        parts.insert(0, "## Performance\n\n" + args.machine if args.machine else "## Performance")
    print("\n\n".join(parts))


if __name__ == "__main__":
    main()
