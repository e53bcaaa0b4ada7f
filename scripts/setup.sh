#!/usr/bin/env bash
# Glassbox set-up on Debian 12: installs what is missing, builds, then
#   scripts/setup.sh gui   — opens the GUI on an embedded sample dataset (Release build)
#   scripts/setup.sh test  — runs the whole test suite, then the engine tests under ASan + UBSan
set -euo pipefail

mode=${1:-}
case "$mode" in
    gui|test) ;;
    *) echo "usage: $0 gui|test" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6svg6 qt6-svg-dev libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libsqlite3-dev nlohmann-json3-dev libcli11-dev
    # The MLP: LibTorch (CPU), and OpenBLAS for its matrix products (about 3x faster training
    # than the reference BLAS; the serial build adds no thread pool beside LibTorch's).
    libtorch-dev libopenblas0-serial
    fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)

if [ "$mode" = gui ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DGLASSBOX_BUILD_TESTS=OFF
    cmake --build build -j "$jobs"
    exec build/app/gui/glassbox --sample iris
fi

# test: the full suite (headless), then the engine and CLI suites under the sanitizers.
export QT_QPA_PLATFORM=offscreen
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DGLASSBOX_BUILD_TESTS=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGLASSBOX_ENGINE_ONLY=ON -DGLASSBOX_SANITIZE=ON -DGLASSBOX_BUILD_TESTS=ON
cmake --build build-sanitize -j "$jobs"
# The reference-floor sweep (scores, not memory safety; minutes of CPU) runs in the Release
# build above only.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-sanitize --output-on-failure -j "$jobs" -E reference_floors
