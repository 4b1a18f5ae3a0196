#!/bin/sh
# Renders the fleet window, a rollout preview and the audit log (issue 13)
# to screenshots/{fleet-window,rollout-preview,audit-log}*.png (1366x768 and
# 1600x1000). Usage: scripts/screenshot-fleet.sh [build-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" fleet_screenshot
cd "$root"
LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$build/tests/gui/fleet_screenshot" screenshots
