# Sourced by the bench/*.sh scripts: bench_setup TARGET [BUILD_DIR] sets
#   root   — the checkout,
#   bench  — the path of the benchmark program TARGET in BUILD_DIR (default: build),
#   python — a python3 that has pandas and numpy (the peer; Glassbox itself does not use Python).
bench_setup() {
    local target=$1
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    local build=${2:-$root/build}
    bench=$build/bench/$target
    [ -x "$bench" ] || { echo "no $bench: build the $target target (Release) first" >&2; exit 1; }
    python=""
    local candidate
    for candidate in python3 /usr/bin/python3; do
        if "$candidate" -c "import pandas, numpy" 2>/dev/null; then python=$candidate; break; fi
    done
    [ -n "$python" ] || { echo "python3 with pandas and numpy is needed for this benchmark" >&2; exit 1; }
}
