#!/bin/sh
# Renders the agent editor (light and dark palettes) to screenshots/*.png.
# Usage: scripts/screenshot-editor.sh [build-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ninja -C "$build" editor_screenshot
cd "$root"
xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/editor/editor_screenshot" screenshots
