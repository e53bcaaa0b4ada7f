#!/usr/bin/env bash
# Column statistics benchmark: Glassbox's computeColumnStats against pandas on a 1M-row
# numeric column (describe + nunique + 10 most frequent + numpy's automatic histogram) and a
# 1M-row categorical column of 1000 levels (value_counts + nunique), 2% missing each, best of 3.
#   bench/stats.sh [BUILD_DIR]   (default: build; a Release build of target bench_stats)
# Needs python3 with pandas and numpy (this benchmark only; Glassbox does not use Python).
set -euo pipefail

source "$(dirname "$0")/common.sh"
bench_setup bench_stats "${1:-}"

glassbox=$("$bench" 1000000)
pandas=$("$python" - <<'PY'
import json, time
import numpy as np, pandas as pd
rows = 1_000_000
rng = np.random.default_rng(2026)
x = np.round(rng.normal(50, 20, rows), 3)
x[rng.random(rows) < 0.02] = np.nan
numeric = pd.Series(x)
levels = np.array([f"level_{k}" for k in range(1000)], dtype=object)
c = levels[rng.integers(0, 1000, rows)]
c[rng.random(rows) < 0.02] = None
categorical = pd.Series(pd.Categorical(c))
def best(f):
    times = []
    for _ in range(3):
        start = time.perf_counter(); f(); times.append(time.perf_counter() - start)
    return min(times)
def numeric_stats():
    numeric.describe(); numeric.nunique(); numeric.value_counts().head(10)
    np.histogram(numeric.dropna().to_numpy(), bins="auto")
def categorical_stats():
    categorical.value_counts(); categorical.nunique()
print(json.dumps({"numeric_seconds": round(best(numeric_stats), 4),
                  "categorical_seconds": round(best(categorical_stats), 4)}))
PY
)
"$python" - "$glassbox" "$pandas" <<'PY'
import json, sys
g, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for kind in ("numeric", "categorical"):
    gs, ps = g[kind + "_seconds"], p[kind + "_seconds"]
    print(f"{kind:12s} glassbox {gs:.4f} s   pandas {ps:.4f} s   ratio {gs / ps:.2f}")
PY
