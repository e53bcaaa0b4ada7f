#!/usr/bin/env bash
# Load benchmark: Glassbox's CSV reader against pandas.read_csv on a 1M-row x 21-column mixed
# file (14 numeric, 7 categorical columns, ~2% missing cells). Each load runs in its own
# process, best of 3; peak RSS is the process's maxrss (getrusage).
#   bench/csv_load.sh [BUILD_DIR]   (default: build; a Release build of target bench_load)
# Needs python3 with pandas and numpy (this benchmark only; Glassbox does not use Python).
set -euo pipefail

source "$(dirname "$0")/common.sh"
bench_setup bench_load "${1:-}"

data_dir=${GLASSBOX_BENCH_DIR:-${TMPDIR:-/tmp}/glassbox-bench}
mkdir -p "$data_dir"
csv=$data_dir/mixed_1m_21.csv
if [ ! -s "$csv" ]; then
    echo "generating $csv ..." >&2
    "$python" - "$csv" <<'PY'
import sys
import numpy as np
import pandas as pd

rows = 1_000_000
rng = np.random.default_rng(2026)
data = {}
for i in range(14):
    if i % 3 == 0:
        values = rng.integers(0, 100_000, rows).astype(float)
    elif i % 3 == 1:
        values = np.round(rng.normal(50, 20, rows), 3)
    else:
        values = np.round(rng.exponential(1000, rows), 6)
    values[rng.random(rows) < 0.02] = np.nan
    data[f"num_{i + 1}"] = values
pools = [3, 5, 12, 30, 80, 200, 1000]
for i, size in enumerate(pools):
    pool = np.array([f"level_{i + 1}_{k}" for k in range(size)], dtype=object)
    values = pool[rng.integers(0, size, rows)]
    values[rng.random(rows) < 0.02] = None
    data[f"cat_{i + 1}"] = values
frame = pd.DataFrame(data)
# Interleave the kinds so that columns are mixed along each line.
order = [c for pair in zip([f"num_{i + 1}" for i in range(14)], [f"cat_{i + 1}" for i in range(7)] + [None] * 7) for c in pair if c]
frame[order].to_csv(sys.argv[1], index=False, float_format="%.10g")
PY
fi
echo "file: $csv ($(du -h "$csv" | cut -f1))" >&2

pandas_load() {
    "$python" - "$csv" <<'PY'
import json, resource, sys, time
import pandas as pd
start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rows": len(frame), "columns": frame.shape[1], "seconds": round(seconds, 4), "peak_rss_mb": round(rss, 1)}))
PY
}

field() {  # field NAME JSON
    "$python" -c 'import json,sys; print(json.loads(sys.argv[2])[sys.argv[1]])' "$1" "$2"
}

cat "$csv" > /dev/null  # both readers start from a warm page cache
# Runs alternate (Glassbox, pandas, Glassbox, ...) so that both see the same machine load.
g_runs=() p_runs=()
for round in 1 2 3; do
    g=$("$bench" "$csv")
    p=$(pandas_load)
    echo "run $round: glassbox $(field seconds "$g") s $(field peak_rss_mb "$g") MB," \
         "pandas $(field seconds "$p") s $(field peak_rss_mb "$p") MB" >&2
    g_runs+=("$g") p_runs+=("$p")
done
"$python" - "${g_runs[@]}" "${p_runs[@]}" <<'PY'
import json, sys
runs = [json.loads(a) for a in sys.argv[1:]]
g, p = runs[:3], runs[3:]
g_s, p_s = min(r["seconds"] for r in g), min(r["seconds"] for r in p)
g_m, p_m = min(r["peak_rss_mb"] for r in g), min(r["peak_rss_mb"] for r in p)
print(f"rows {g[0]['rows']} x {g[0]['columns']} columns (pandas: {p[0]['rows']} x {p[0]['columns']})")
print(f"glassbox: best {g_s:.3f} s, peak RSS {g_m:.1f} MB (cpu {min(r['cpu_seconds'] for r in g):.3f} s)")
print(f"pandas:   best {p_s:.3f} s, peak RSS {p_m:.1f} MB")
print(f"time ratio {g_s / p_s:.3f} (target <= 0.25), memory ratio {g_m / p_m:.3f} (target <= 0.5)")
PY
