#!/usr/bin/env bash
# The two commands of the README, on a fresh Debian 12 machine:
#   scripts/dev.sh run    install what is missing, build, start the app on the embedded database
#   scripts/dev.sh test   install what is missing, build, run every test (SQLite and a throwaway MariaDB)
# Other verbs: build, deps, bench, screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${RETELL_BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-$(nproc)}

PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-mysql libqt6svg6 libgl-dev
    libqscintilla2-qt6-dev qtkeychain-qt6-dev libcrypt-dev libdtl-dev libmariadb-dev
    mariadb-server mariadb-client apache2-utils diffutils
    xvfb xauth fonts-dejavu-core
)

deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    deps
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j "$JOBS"
}

run_app() {
    build
    # The embedded local database is the default: migrated and seeded with the
    # templates and demo data on first start. Log in as admin@example.com /
    # demo-password (see README for the other demo users).
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "==> no display: starting under Xvfb (set DISPLAY to use yours)"
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD/app/retell-admin" "$@"
    fi
    exec "$BUILD/app/retell-admin" "$@"
}

run_tests() {
    build
    rm -rf "$BUILD/test-results"
    mkdir -p "$BUILD/test-results"
    local rc=0
    (cd "$BUILD" && ctest --output-on-failure -j "$JOBS" --timeout 1200) || rc=$?
    summarize
    return $rc
}

# How many Qt Test functions ran on each backend (QtTest "Totals:" lines).
summarize() {
    echo
    echo "==> test functions per backend"
    local total_p=0 total_f=0 total_s=0
    for label in sqlite mariadb unit gui; do
        local p=0 f=0 s=0 files=0
        for file in "$BUILD"/test-results/*.txt; do
            [ -e "$file" ] || continue
            name=$(basename "$file" .txt)
            case "$label" in
                sqlite)  [[ "$name" == *_sqlite ]] || continue ;;
                mariadb) [[ "$name" == *_mariadb ]] || continue ;;
                gui)     [[ "$name" == gui_* ]] || continue ;;
                unit)    [[ "$name" == unit_* ]] || continue ;;
            esac
            line=$(grep -E '^Totals: ' "$file" | tail -1 || true)
            [ -n "$line" ] || continue
            files=$((files + 1))
            p=$((p + $(echo "$line" | sed -E 's/^Totals: ([0-9]+) passed.*/\1/')))
            f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
            s=$((s + $(echo "$line" | sed -E 's/.* ([0-9]+) skipped.*/\1/')))
        done
        printf '    %-8s %3d suites: %4d passed, %d failed, %d skipped\n' "$label" "$files" "$p" "$f" "$s"
        total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))
    done
    echo "$total_p passed, $total_f failed, $total_s skipped"
}

bench() {
    build
    BENCH_DIR=$(mktemp -d) # global: the EXIT trap runs after this function returns
    trap 'tests/mariadb/mariadb-fixture.sh stop "$BENCH_DIR" >/dev/null; rm -rf "$BENCH_DIR"' EXIT
    tests/mariadb/mariadb-fixture.sh start "$BENCH_DIR"
    local port user password
    port=$(cat "$BENCH_DIR/port"); user=$(cat "$BENCH_DIR/user"); password=$(cat "$BENCH_DIR/password")
    MYSQL_PWD="$password" mariadb --no-defaults -h127.0.0.1 -P"$port" -u"$user" -e "CREATE DATABASE bench"
    RETELL_ADMIN_DB_PASSWORD="$password" "$BUILD/benchmarks/bench_core" --mysql "mysql://$user@127.0.0.1:$port/bench"
    for b in "$BUILD"/benchmarks/bench_*; do
        [ -f "$b" ] && [ -x "$b" ] || continue
        case "$(basename "$b")" in bench_core) ;; bench_gui*) QT_QPA_PLATFORM=offscreen "$b" ;; *) "$b" ;; esac
    done
}

case "${1:-}" in
    run) shift; run_app "$@" ;;
    test) run_tests ;;
    build) build ;;
    deps) deps ;;
    bench) bench ;;
    *) echo "usage: scripts/dev.sh run|test|build|deps|bench" >&2; exit 2 ;;
esac
