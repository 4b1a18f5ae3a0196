#!/bin/sh
# Renders the main window publishing to Retell (issue 15) against the
# loopback stand-in for Retell's API to screenshots/retell-live*.png
# (1366x768 and 1600x1000). Usage: scripts/screenshot-retell.sh [build-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" retell_screenshot
cd "$root"
LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$build/tests/gui/retell_screenshot" screenshots
LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$build/tests/gui/retell_screenshot" screenshots de
