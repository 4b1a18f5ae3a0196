#!/bin/sh
# Renders the main window working offline, its outbox holding a pending
# deploy and a conflict, to screenshots/offline-outbox*.png (1366x768 and
# 1600x1000). Usage: scripts/screenshot-offline.sh [build-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" offline_screenshot
cd "$root"
LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$build/tests/gui/offline_screenshot" screenshots
