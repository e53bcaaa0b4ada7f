#!/usr/bin/env bash
# Learner benchmark (issue 3): Glassbox against scikit-learn and XGBoost on a generated
# 1M-row mixed dataset (14 numeric features, 6 categorical, ~3% missing cells, a binary label
# from a non-linear rule plus noise; fixed seed), 80/20 split in file order, 2 threads, equal
# settings. Each fit runs in its own process; fit time excludes reading the CSV (and, for the
# peers, their imputation/encoding, which their learners need and ours do inside the fit).
#   bench/learners.sh [BUILD_DIR] [LEARNER ...]   (a Release build of target bench_learners)
# Needs python3 with pandas, scikit-learn and xgboost (this benchmark only).
set -euo pipefail

source "$(dirname "$0")/common.sh"
bench_setup bench_learners "${1:-}"
shift || true
"$python" -c "import sklearn, xgboost" 2>/dev/null || {
    echo "python3 with scikit-learn and xgboost is needed (apt-get install python3-sklearn python3-xgboost)" >&2
    exit 1
}
learners=("$@")
[ ${#learners[@]} -gt 0 ] || learners=(decision_tree random_forest gradient_boosting logistic_regression)
threads=2

data_dir=${GLASSBOX_BENCH_DIR:-${TMPDIR:-/tmp}/glassbox-bench}
mkdir -p "$data_dir"
csv=$data_dir/learn_mixed_1m.csv
if [ ! -s "$csv" ]; then
    echo "generating $csv ..." >&2
    "$python" - "$csv" <<'PY'
import sys
import numpy as np
import pandas as pd

rows = 1_000_000
rng = np.random.default_rng(3)
data = {}
for i in range(14):
    kind = i % 3
    if kind == 0:
        v = rng.normal(0, 1, rows)
    elif kind == 1:
        v = rng.uniform(-2, 2, rows)
    else:
        v = rng.exponential(1.0, rows)
    data[f"num_{i + 1}"] = np.round(v, 5)
levels = [3, 5, 8, 12, 20, 50]
codes = {}
for i, size in enumerate(levels):
    codes[i] = rng.integers(0, size, rows)
logit = (1.2 * data["num_1"] - 0.8 * data["num_2"] + 0.6 * data["num_4"] * data["num_5"]
         + np.sin(2 * data["num_7"]) + 0.5 * (data["num_3"] > 1.5) - 0.4 * data["num_10"]
         + np.array([0.0, 0.8, -0.8])[codes[0]]
         + rng.normal(0, 0.6, 12)[codes[3]] + rng.normal(0, 0.4, 50)[codes[5]])
label = rng.random(rows) < 1 / (1 + np.exp(-logit))
for i in range(4):
    data[f"num_{i + 1}"][rng.random(rows) < 0.05] = np.nan
for i, size in enumerate(levels):
    pool = np.array([f"c{i + 1}_{k}" for k in range(size)], dtype=object)
    v = pool[codes[i]]
    if i < 2:
        v[rng.random(rows) < 0.03] = None
    data[f"cat_{i + 1}"] = v
data["label"] = np.where(label, "yes", "no")
pd.DataFrame(data).to_csv(sys.argv[1], index=False)
PY
fi

peer() {
    "$python" - "$csv" "$1" "$threads" <<'PY'
import json, resource, sys, time
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, accuracy_score

csv, learner, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
frame = pd.read_csv(csv)
y = (frame.pop("label") == "yes").to_numpy()
n_train = len(frame) * 4 // 5
cats = [c for c in frame.columns if c.startswith("cat_")]
nums = [c for c in frame.columns if c.startswith("num_")]

if learner == "gradient_boosting":
    import xgboost
    X = frame.copy()
    for c in cats:
        X[c] = X[c].astype("category")
    model = xgboost.XGBClassifier(tree_method="hist", n_estimators=200, learning_rate=0.1,
                                  max_leaves=31, grow_policy="lossguide", max_depth=0,
                                  max_bin=255, n_jobs=threads, enable_categorical=True,
                                  max_cat_to_onehot=1)
    tool = "xgboost " + xgboost.__version__
else:
    import sklearn
    from sklearn.impute import SimpleImputer
    tool = "scikit-learn " + sklearn.__version__
    num = SimpleImputer(strategy="median").fit(frame[nums][:n_train]).transform(frame[nums])
    if learner == "logistic_regression":
        from sklearn.preprocessing import OneHotEncoder, StandardScaler
        from sklearn.linear_model import LogisticRegression
        num = StandardScaler().fit(num[:n_train]).transform(num)
        onehot = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(
            frame[cats][:n_train].fillna("__missing__"))
        X = np.hstack([num, onehot.transform(frame[cats].fillna("__missing__"))])
        model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=100)
    else:
        from sklearn.preprocessing import OrdinalEncoder
        ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(
            frame[cats][:n_train].fillna("__missing__"))
        X = np.hstack([num, ordinal.transform(frame[cats].fillna("__missing__"))])
        if learner == "decision_tree":
            from sklearn.tree import DecisionTreeClassifier
            model = DecisionTreeClassifier(max_depth=10, random_state=0)
        else:
            from sklearn.ensemble import RandomForestClassifier
            model = RandomForestClassifier(n_estimators=100, max_depth=10, max_features="sqrt",
                                           n_jobs=threads, random_state=0)
X_train, X_test = X[:n_train], X[n_train:]
start = time.perf_counter()
model.fit(X_train, y[:n_train])
fit = time.perf_counter() - start
start = time.perf_counter()
p = model.predict_proba(X_test)[:, 1]
predict = time.perf_counter() - start
print(json.dumps({"tool": tool, "learner": learner, "fit_seconds": round(fit, 3),
                  "predict_seconds": round(predict, 3),
                  "auc": round(roc_auc_score(y[n_train:], p), 5),
                  "accuracy": round(accuracy_score(y[n_train:], p > 0.5), 5),
                  "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
PY
}

ours() {
    case $1 in
        decision_tree) "$bench" "$csv" label decision_tree $threads max_depth=10 ;;
        random_forest) "$bench" "$csv" label random_forest $threads n_estimators=100 max_depth=10 max_features=sqrt ;;
        gradient_boosting) "$bench" "$csv" label gradient_boosting $threads n_estimators=200 learning_rate=0.1 max_leaves=31 max_bins=255 ;;
        logistic_regression) "$bench" "$csv" label logistic_regression $threads C=1 ;;
    esac
}

printf "%-20s %-22s %9s %9s %8s %8s %8s\n" learner tool fit_s predict_s auc rss_mb ratio
for learner in "${learners[@]}"; do
    mine=$(ours "$learner")
    theirs=$(peer "$learner")
    "$python" - "$mine" "$theirs" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for r in (a, b):
    ratio = a["fit_seconds"] / b["fit_seconds"] if r is a else 1.0
    print(f'{r["learner"]:<20} {r["tool"]:<22} {r["fit_seconds"]:9.2f} {r["predict_seconds"]:9.2f} '
          f'{r["auc"]:8.4f} {r["max_rss_mb"]:8.0f} {ratio:8.2f}')
print(f'  -> time ratio {a["fit_seconds"] / b["fit_seconds"]:.2f}x, AUC difference {a["auc"] - b["auc"]:+.4f}, '
      f'memory ratio {a["max_rss_mb"] / b["max_rss_mb"]:.2f}x')
PY
done
