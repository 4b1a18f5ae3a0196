#!/bin/sh
# Renders the merge window (a conflict; a clean in-line merge) to
# screenshots/merge-*.png at 1366x768. Usage: scripts/screenshot-merge.sh [build-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" merge_screenshot
cd "$root"
LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1 xvfb-run -a -s "-screen 0 ${SCREEN:-1366x768x24}" \
    "$build/tests/merge/merge_screenshot" screenshots
