#!/usr/bin/env bash
# Screenshots of the main window on demo data, under Xvfb:
#   screenshots/main-window.png    branch tree, editor, history
#   screenshots/main-history.png   a version selected in the history
#   screenshots/main-dark.png      the same in the dark palette
#   screenshots/main-templates.png the template picker
#   screenshots/main-window-de.png the main window in German (issue 14)
#   screenshots/main-templates-de.png the template picker in German, German templates first
# Builds retell-admin first if needed. Everything runs on a throwaway
# database, settings and data folder, so the user's own are never touched.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
out="${OUT_DIR:-$root/screenshots}"

if [[ ! -x "$build/app/retell-admin" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target retell-admin -j2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export RETELL_ADMIN_PASSWORD="demo-password"
export LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1
db="sqlite:$work/demo.sqlite"

shot() {
    local file="$1"; shift
    xvfb-run -a -s "-screen 0 ${SCREEN:-1366x768x24}" \
        "$build/app/retell-admin" --db "$db" --user admin@example.com \
        --screenshot-branch "Berlin Mitte" --screenshot "$out/$file" "$@"
}

shot main-window.png
shot main-history.png --screenshot-dock history
shot main-dark.png --dark --screenshot-dock history
shot main-templates.png --screenshot-dock templates
shot main-window-de.png --language de --screenshot-dock history
SCREEN=1600x1000x24 shot main-templates-de.png --language de --screenshot-dock templates
ls -l "$out"/main-*.png
