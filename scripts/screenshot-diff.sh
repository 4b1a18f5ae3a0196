#!/bin/sh
# Renders the diff viewer (side by side, tools tab, unified) to screenshots/diff-*.png.
# Usage: scripts/screenshot-diff.sh [build-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" diff_screenshot
cd "$root"
xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/diff/diff_screenshot" screenshots
