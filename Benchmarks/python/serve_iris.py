"""Helpers for the serving benchmark (scripts/bench --only serve).

usage: python serve_iris.py bodies CSV DIR          # DIR/body-1.json, DIR/body-100.json
       python serve_iris.py mlflow-model CSV DIR    # an MLflow sklearn model saved at DIR
       python serve_iris.py check RESPONSE ROWS CSV # a scoring response has ROWS known labels
       python serve_iris.py agree RESPONSE RESPONSE # how many predictions two responses share

The CSV's last column is the target. Bodies are MLflow's `dataframe_split` JSON of the
feature columns (no index): the first row, and 100 rows spread over the file (every class).
The MLflow model is Pipeline(StandardScaler, LogisticRegression(max_iter=1000)) fitted on the
whole CSV, saved with mlflow.sklearn.save_model with its signature and an input example.
Each command prints one JSON line.
"""
import json
import os
import shutil
import sys


def features_and_target(csv):
    import pandas
    frame = pandas.read_csv(csv)
    target = frame.columns[-1]
    return frame.drop(columns=[target]), frame[target]


def bodies(csv, directory):
    features, _ = features_and_target(csv)
    os.makedirs(directory, exist_ok=True)
    count = len(features)
    picks = {1: [0], 100: [(i * count) // 100 for i in range(100)]}
    written = {}
    for rows, indexes in picks.items():
        part = features.iloc[indexes]
        body = {"dataframe_split": {"columns": list(part.columns), "data": part.values.tolist()}}
        path = os.path.join(directory, f"body-{rows}.json")
        with open(path, "w") as handle:
            json.dump(body, handle, separators=(",", ":"))
        written[str(rows)] = {"path": path, "bytes": os.path.getsize(path)}
    print(json.dumps({"bodies": written}))


def mlflow_model(csv, directory):
    import mlflow
    import mlflow.sklearn
    import sklearn
    from mlflow.models import infer_signature
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    features, target = features_and_target(csv)
    model = Pipeline([("scale", StandardScaler()), ("logistic", LogisticRegression(max_iter=1000))])
    model.fit(features, target)
    shutil.rmtree(directory, ignore_errors=True)
    mlflow.sklearn.save_model(model, directory, signature=infer_signature(features, model.predict(features)),
                              input_example=features.iloc[:1])
    print(json.dumps({"mlflow": mlflow.__version__, "sklearn": sklearn.__version__,
                      "train_accuracy": round(float(model.score(features, target)), 4), "path": directory}))


def predictions(path):
    with open(path) as handle:
        answer = json.load(handle)
    values = answer.get("predictions") if isinstance(answer, dict) else None
    if not isinstance(values, list):
        raise SystemExit(f"serve_iris.py: {path} has no `predictions` list: {json.dumps(answer)[:300]}")
    return answer, values


def check(path, rows, csv):
    _, target = features_and_target(csv)
    answer, values = predictions(path)
    labels = set(map(str, target.unique()))
    unknown = sorted({str(value) for value in values} - labels)
    if len(values) != rows or unknown:
        raise SystemExit(f"serve_iris.py: {path}: wanted {rows} predictions among {sorted(labels)}, "
                         f"got {len(values)}{', unknown ' + ', '.join(unknown) if unknown else ''}")
    extra = {key: value for key, value in answer.items() if key != "predictions"}
    print(json.dumps({"rows": len(values), "first": values[0], **extra}))


def agree(first, second):
    _, a = predictions(first)
    _, b = predictions(second)
    print(json.dumps({"rows": len(a), "same": sum(1 for x, y in zip(a, b) if str(x) == str(y))}))


def main():
    command, args = sys.argv[1] if len(sys.argv) > 1 else "", sys.argv[2:]
    if command == "bodies" and len(args) == 2:
        bodies(*args)
    elif command == "mlflow-model" and len(args) == 2:
        mlflow_model(*args)
    elif command == "check" and len(args) == 3:
        check(args[0], int(args[1]), args[2])
    elif command == "agree" and len(args) == 2:
        agree(*args)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
