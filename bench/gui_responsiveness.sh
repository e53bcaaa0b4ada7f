#!/usr/bin/env bash
# The workbench's responsiveness on a big table, through the real GUI (offscreen): writes a CSV
# of ROWS rows (default 1 000 000), opens it in the main window, trains gradient boosting
# (300 trees, 20% holdout) from the training panel and reports the worst lateness of a 10 ms
# timer on the GUI thread meanwhile (the goal: never more than 50 ms late).
#   bench/gui_responsiveness.sh [ROWS]      (after a build in ./build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
cmake --build "$root/build" --target widgets_test_workbench >/dev/null
GLASSBOX_RESPONSIVENESS_ROWS=$rows QTEST_FUNCTION_TIMEOUT=3600000 QT_QPA_PLATFORM=offscreen \
    "$root/build/tests/widgets_test_workbench" windowStaysResponsiveWhileBoostingTrainsOn200kRows \
    | grep -E "rows: trained|PASS|FAIL"
