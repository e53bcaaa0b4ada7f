#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots from the real GUI under the offscreen
# platform: the workbench and explain scenarios (tests/widgets/test_workbench.cpp and
# test_explain_workbench.cpp save each view as they go), the preparation and privacy panels
# (test_preparation_panel.cpp) and the main window in Simplified Chinese. Run after a build in ./build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots"
mkdir -p "$out"
cmake --build "$root/build" --target widgets_test_workbench widgets_test_explain_workbench \
    widgets_test_preparation_panel glassbox \
    >/dev/null
export QT_QPA_PLATFORM=offscreen
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
GLASSBOX_SCREENSHOT_DIR="$out" "$root/build/tests/widgets_test_workbench" \
    trainCompareAndKeepFromTheGui tuneAndKeepTheBestFromTheGui prepareTrainAndPredictFromTheGui \
    >/dev/null
GLASSBOX_SCREENSHOT_DIR="$out" "$root/build/tests/widgets_test_explain_workbench" >/dev/null
GLASSBOX_SCREENSHOT_DIR="$out" "$root/build/tests/widgets_test_preparation_panel" \
    applyAndRevertInTheMainWindow privacyReportEqualsTheStepReports >/dev/null
XDG_DATA_HOME="$data" XDG_CONFIG_HOME="$data" "$root/build/app/gui/glassbox" --sample iris \
    --language zh_CN --screenshot "$out/workbench-zh_CN.png"
ls "$out"
