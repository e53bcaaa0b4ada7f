#!/usr/bin/env bash
# TreeSHAP benchmark (issue 4): Glassbox's exact TreeSHAP against XGBoost's pred_contribs on a
# boosted model of the same shape: 500 rounds, 31 leaves (lossguide), learning rate 0.1, 255
# bins, fitted on the first 20,000 rows of a generated 30,000-row numeric dataset (20 features,
# ~2% missing cells in 5 of them, a binary label from a non-linear rule plus noise; fixed
# seed), contributions of the last 10,000 rows, all cores, best of three each (wall and
# process CPU seconds). Depth is the mean depth of the leaves (root = 0).
#   bench/shap.sh [BUILD_DIR]   (a Release build of target bench_shap)
# Needs python3 with pandas and xgboost (this benchmark only).
set -euo pipefail

source "$(dirname "$0")/common.sh"
bench_setup bench_shap "${1:-}"
"$python" -c "import xgboost" 2>/dev/null || {
    echo "python3 with xgboost is needed (apt-get install python3-xgboost)" >&2
    exit 1
}
threads=${GLASSBOX_BENCH_THREADS:-$(nproc)}
explain=10000

data_dir=${GLASSBOX_BENCH_DIR:-${TMPDIR:-/tmp}/glassbox-bench}
mkdir -p "$data_dir"
csv=$data_dir/shap_numeric_30k.csv
if [ ! -s "$csv" ]; then
    echo "generating $csv ..." >&2
    "$python" - "$csv" <<'PY'
import sys
import numpy as np
import pandas as pd

rows = 30_000
rng = np.random.default_rng(11)
X = rng.normal(0, 1, (rows, 20))
logit = (1.5 * X[:, 0] - X[:, 1] + 0.8 * X[:, 2] * X[:, 3] + np.sin(2 * X[:, 4])
         + 0.6 * (X[:, 5] > 0.5) - 0.5 * np.abs(X[:, 6]) + 0.3 * X[:, 7] ** 2
         + 0.4 * X[:, 8] * (X[:, 9] > 0))
label = rng.random(rows) < 1 / (1 + np.exp(-logit))
for j in range(5):
    X[rng.random(rows) < 0.02, j] = np.nan
frame = pd.DataFrame(np.round(X, 5), columns=[f"x{j + 1}" for j in range(20)])
frame["label"] = np.where(label, "yes", "no")
frame.to_csv(sys.argv[1], index=False)
PY
fi

mine=$("$bench" "$csv" label "$threads" "$explain" n_estimators=500 learning_rate=0.1 \
    max_leaves=31 max_bins=255)
theirs=$("$python" - "$csv" "$threads" "$explain" <<'PY'
import json, sys, time
import numpy as np
import pandas as pd
import xgboost

csv, threads, explain = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
frame = pd.read_csv(csv)
y = (frame.pop("label") == "yes").to_numpy()
X = frame.to_numpy()
n_train = len(X) - explain
model = xgboost.XGBClassifier(tree_method="hist", n_estimators=500, learning_rate=0.1,
                              max_leaves=31, grow_policy="lossguide", max_depth=0, max_bin=255,
                              n_jobs=threads)
start = time.perf_counter()
model.fit(X[:n_train], y[:n_train])
fit = time.perf_counter() - start
booster = model.get_booster()
data = xgboost.DMatrix(X[n_train:], nthread=threads)
best = cpu = None
for _ in range(3):
    start, cpu_start = time.perf_counter(), time.process_time()
    contribs = booster.predict(data, pred_contribs=True)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    best = seconds if best is None else min(best, seconds)
    cpu = cpu_seconds if cpu is None else min(cpu, cpu_seconds)
margin = booster.predict(data, output_margin=True)
error = float(np.max(np.abs(contribs.sum(axis=1) - margin)))
trees = booster.trees_to_dataframe()
leaves = trees[trees.Feature == "Leaf"]
# Depth of each leaf: count the ancestors through the node ids.
parent = {}
for row in trees.itertuples():
    for child in (row.Yes, row.No):
        if isinstance(child, str):
            parent[child] = row.ID
def depth(node):
    d = 0
    while node in parent:
        node = parent[node]
        d += 1
    return d
mean_depth = float(np.mean([depth(i) for i in leaves.ID]))
print(json.dumps({"tool": "xgboost " + xgboost.__version__, "fit_seconds": round(fit, 3),
                  "shap_seconds": round(best, 3), "shap_cpu_seconds": round(cpu, 3), "rows": explain,
                  "trees": int(trees.Tree.nunique()),
                  "mean_leaves": round(len(leaves) / trees.Tree.nunique(), 2),
                  "mean_leaf_depth": round(mean_depth, 2), "max_additivity_error": error}))
PY
)
"$python" - "$mine" "$theirs" "$threads" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"TreeSHAP over {a['rows']} rows, {sys.argv[3]} threads")
print(f"{'tool':<16} {'shap_s':>8} {'cpu_s':>8} {'trees':>6} {'leaves':>7} {'depth':>6} {'add_err':>9}")
for r in (a, b):
    print(f"{r['tool']:<16} {r['shap_seconds']:8.2f} {r['shap_cpu_seconds']:8.2f} {r['trees']:6d} "
          f"{r['mean_leaves']:7.2f} {r['mean_leaf_depth']:6.2f} {r['max_additivity_error']:9.2g}")
print(f"  -> time ratio {a['shap_seconds'] / b['shap_seconds']:.2f}x, CPU time ratio "
      f"{a['shap_cpu_seconds'] / b['shap_cpu_seconds']:.2f}x (Glassbox / XGBoost)")
PY
