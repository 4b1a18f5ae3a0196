#!/usr/bin/env bash
# The two commands of the README, on a fresh Debian 12 machine:
#   scripts/dev.sh run    install what is missing, build, start the app on the embedded database
#   scripts/dev.sh test   install what is missing, check the formatting, build, run every test
#                         (SQLite, a throwaway MariaDB and PostgreSQL), then the sanitizer
#                         stage (RETELL_SANITIZERS=0 leaves it out)
#   scripts/dev.sh fuzz [SECONDS]   build the libFuzzer targets (clang) and run each SECONDS (60)
#   scripts/dev.sh package          build the .deb (CPack) into build/packages and validate it
#   scripts/dev.sh translations     lupdate: bring translations/*.ts up to date with the GUI's texts
# Other verbs: build, deps, bench, format (the clang-format check of `test`),
# sanitizers (the sanitizer stage of `test` alone).
# The sanitizer stage builds the clang tree (ASan + UBSan, build-asan) with
# the suites that need no database server and the fuzz targets, runs those
# suites there, and gives every fuzz target a short smoke run
# (RETELL_FUZZ_SMOKE_SECONDS, 10). Measured on 2 shared cores: its build
# 1,596 CPU s without ccache (~14 min on 2 free cores), its suites 223 CPU s,
# the smoke ~75 s; `test` with it is estimated at ~34 min on a clean 2-core
# machine (budget: 40). A run on a fresh clone (warm ccache): build 708 s,
# suites 140 s, smoke 69 s.
# It prints how long each phase took (CI runs it: .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${RETELL_BUILD_DIR:-$ROOT/build}
ASAN_BUILD=${RETELL_ASAN_BUILD_DIR:-$ROOT/build-asan}
JOBS=${JOBS:-$(nproc)}
LAUNCHER=()
if command -v ccache >/dev/null; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Sanitizer reports end the process with an error; leaks are not checked
# (Qt's plugins and fontconfig keep allocations to exit).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-mysql libqt6sql6-psql libqt6svg6 libgl-dev
    libqscintilla2-qt6-dev qtkeychain-qt6-dev libcrypt-dev libdtl-dev libmariadb-dev
    mariadb-server mariadb-client postgresql apache2-utils diffutils
    xvfb xauth fonts-dejavu-core
    clang libclang-rt-14-dev clang-format-14
    qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
    dpkg-dev lintian desktop-file-utils appstream librsvg2-bin
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
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" >/dev/null
    cmake --build "$BUILD" -j "$JOBS"
}

# One clang tree for the sanitizer suites and the fuzz targets, so the
# instrumented core is compiled once: ASan + UBSan everywhere, libFuzzer's
# coverage in the core libraries, -O1 and line tables only. Builds only what
# the suites without MariaDB run (each test's executable and what it
# depends on) and, with "fuzzers", the fuzz targets.
build_asan() {
    deps
    cmake -S "$ROOT" -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug "${LAUNCHER[@]}" \
        -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
        -DRETELL_SANITIZERS=address,undefined -DRETELL_BUILD_FUZZERS=ON \
        -DRETELL_BUILD_BENCHMARKS=OFF >/dev/null
    local targets=("$@")
    if [ ${#targets[@]} -eq 0 ]; then
        # Test NAME or NAME_sqlite runs the executable NAME; tests that run
        # a script (structure) have no target of their own.
        local known
        known=$(cmake --build "$ASAN_BUILD" -- -t targets all | sed -nE 's/^([A-Za-z0-9_]+): .*/\1/p' | sort -u)
        mapfile -t targets < <(cd "$ASAN_BUILD" && ctest -N -LE "mariadb|pgsql" |
            sed -nE 's/^ *Test +#[0-9]+: ([A-Za-z0-9_]+)$/\1/p' | sed -E 's/_sqlite$//' | sort -u |
            comm -12 - <(printf '%s\n' "$known"))
        targets+=(fuzzers)
    fi
    cmake --build "$ASAN_BUILD" -j "$JOBS" --target "${targets[@]}"
}

# Runs every fuzz target for $1 seconds from its seed corpus (fuzz/corpus/T;
# new inputs go to build-asan/fuzz-corpus/T). A crash leaves its input in
# build-asan/fuzz-crashes/: add it to fuzz/regressions/T/ with the fix, and
# the replay tests (tests/fuzz) keep it fixed. Prints one line per target
# with the executions libFuzzer counted (and keeps them for the summary).
# $2, when given, is libFuzzer's seed: the CI smoke fixes it so that a commit
# gives the same verdict on every run; "fuzz" leaves it random to explore.
run_fuzzers() {
    local seconds=$1 seed=${2:-} rc=0
    mkdir -p "$ASAN_BUILD/fuzz-crashes" "$ASAN_BUILD/fuzz-logs"
    FUZZ_REPORT=()
    for exe in "$ASAN_BUILD"/fuzz/fuzz_*; do
        [ -f "$exe" ] && [ -x "$exe" ] || continue
        local name log runs status=ok
        name=$(basename "$exe")
        log="$ASAN_BUILD/fuzz-logs/$name.log"
        mkdir -p "$ASAN_BUILD/fuzz-corpus/$name"
        if ! "$exe" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
            ${seed:+-seed="$seed"} -artifact_prefix="$ASAN_BUILD/fuzz-crashes/$name-" \
            "$ASAN_BUILD/fuzz-corpus/$name" "$ROOT/fuzz/corpus/$name" >"$log" 2>&1; then
            status="CRASHED (see $log)"
            rc=1
            # What a CI record needs to reproduce it: the error, our frames, the input.
            grep -E 'ERROR|SUMMARY|Base64:|#[0-9]+ .* in (retell|LLVMFuzzer)' "$log" | head -20 |
                sed 's/^/        /' >&2
        fi
        runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -1)
        FUZZ_REPORT+=("$(printf '    %-22s %9s executions in %ss: %s' "$name" "${runs:-0}" "$seconds" "$status")")
        echo "${FUZZ_REPORT[-1]}"
    done
    [ ${#FUZZ_REPORT[@]} -gt 0 ] || { echo "    no fuzz targets in $ASAN_BUILD/fuzz" >&2; rc=1; }
    return $rc
}

fuzz() {
    build_asan fuzzers
    echo "==> fuzzing each target for ${1:-60} s"
    run_fuzzers "${1:-60}"
}

# Fails when clang-format-14 (.clang-format) would change any tracked C++
# file, and names those files; `clang-format-14 -i FILE` (or `git
# clang-format --binary clang-format-14` for your changed lines) fixes them.
check_format() {
    local files=() bad
    command -v clang-format-14 >/dev/null || { echo "    clang-format-14 is missing" >&2; return 1; }
    if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        mapfile -d '' files < <(git -C "$ROOT" ls-files -z -- '*.cpp' '*.h')
    else
        mapfile -d '' files < <(find app core ui tests fuzz benchmarks -name '*.cpp' -print0 -o -name '*.h' -print0)
    fi
    bad=$(printf '%s\0' "${files[@]}" | xargs -0 -n 40 -P "$JOBS" clang-format-14 --dry-run --Werror 2>&1 |
        sed -nE 's/^([^:]+\.(cpp|h)):[0-9]+:[0-9]+: error: .*/\1/p' | sort -u || true)
    if [ -n "$bad" ]; then
        echo "    not formatted as .clang-format says (clang-format-14 -i FILE):"
        echo "$bad" | sed 's/^/        /'
        return 1
    fi
    echo "    ${#files[@]} files formatted"
}

# phase NAME COMMAND...: runs a step of `test`, prints how long it took and
# keeps that for the closing lines (the CI log shows the time budget).
PHASES=()
phase() {
    local name=$1 started rc=0 took
    shift
    started=$(date +%s)
    echo "==> $name"
    "$@" || rc=$?
    took=$(($(date +%s) - started))
    PHASES+=("$(printf '    %-52s %5d s%s' "$name" "$took" "$([ $rc -eq 0 ] || echo ', FAILED')")")
    echo "==> $name: $took s"
    return $rc
}

ctest_in() {
    local dir=$1
    shift
    rm -rf "$dir/test-results"
    mkdir -p "$dir/test-results"
    (cd "$dir" && ctest --output-on-failure -j "$JOBS" "$@")
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

# The sanitizer stage: the clang ASan + UBSan tree, the suites that need no
# database server run there, then a short smoke run of every fuzz target.
# Sets ASAN_TESTED when the suites ran (their logs then count in summarize).
ASAN_TESTED=""
sanitizer_stage() {
    local seconds=${RETELL_FUZZ_SMOKE_SECONDS:-10} rc=0
    phase "sanitizer build (clang, ASan + UBSan, fuzz targets)" build_asan || return 1
    phase "sanitizer tests (unit, SQLite, GUI)" ctest_in "$ASAN_BUILD" --timeout 1800 -LE "mariadb|pgsql" || rc=1
    ASAN_TESTED=1
    phase "fuzz smoke ($seconds s per target)" run_fuzzers "$seconds" "${RETELL_FUZZ_SMOKE_SEED:-1}" || rc=1
    return $rc
}

# The closing lines: test counts per build directory given, fuzz executions,
# how long each phase took since $1 (seconds since the epoch).
closing_lines() {
    local started=$1 rc=0
    shift
    summarize "$@" || rc=1
    echo "==> time per phase"
    printf '%s\n' "${PHASES[@]}"
    printf '    %-52s %5d s\n' "total" "$(($(date +%s) - started))"
    return $rc
}

run_tests() {
    local rc=0 started
    started=$(date +%s)
    phase "packages (apt-get, when missing)" deps || return 1
    phase "format (clang-format-14, tracked *.cpp and *.h)" check_format || rc=1
    phase "build (gcc, RelWithDebInfo)" build || return 1
    phase "tests (every suite, SQLite and MariaDB)" ctest_in "$BUILD" --timeout 1200 || rc=1
    phase "package (.deb; desktop-file-validate, appstreamcli, lintian)" package || rc=1
    local dirs=("$BUILD")
    FUZZ_REPORT=()
    # The sanitizer stage (see the header); RETELL_SANITIZERS=0 leaves it out.
    if [ "${RETELL_SANITIZERS:-1}" != 0 ]; then
        sanitizer_stage || rc=1
        [ -z "$ASAN_TESTED" ] || dirs+=("$ASAN_BUILD")
    fi
    closing_lines "$started" "${dirs[@]}" || rc=1
    return $rc
}

# `scripts/dev.sh sanitizers`: the sanitizer stage of `test` alone.
run_sanitizers() {
    local rc=0 started
    started=$(date +%s)
    FUZZ_REPORT=()
    sanitizer_stage || rc=1
    if [ -n "$ASAN_TESTED" ]; then
        closing_lines "$started" "$ASAN_BUILD" || rc=1
    else
        closing_lines "$started" || rc=1
    fi
    return $rc
}

# How many Qt Test functions ran on each backend (QtTest "Totals:" lines),
# per build directory given; a suite that died before its totals (a crash,
# a sanitizer report) counts as one failure. Then how many executions each
# fuzz target ran, and last the overall line. Fails when anything failed.
summarize() {
    echo
    echo "==> test functions per backend"
    local total_p=0 total_f=0 total_s=0 dir prefix
    for dir in "$@"; do
    prefix=""
    [ "$dir" = "$BUILD" ] || prefix="asan-"
    for label in sqlite mariadb pgsql unit gui; do
        local p=0 f=0 s=0 files=0
        for file in "$dir"/test-results/*.txt; do
            [ -e "$file" ] || continue
            name=$(basename "$file" .txt)
            case "$label" in
                sqlite)  [[ "$name" == *_sqlite ]] || continue ;;
                mariadb) [[ "$name" == *_mariadb ]] || continue ;;
                pgsql)   [[ "$name" == *_pgsql ]] || continue ;;
                gui)     [[ "$name" == gui_* ]] || continue ;;
                unit)    [[ "$name" == unit_* ]] || continue ;;
            esac
            line=$(grep -E '^Totals: ' "$file" | tail -1 || true)
            files=$((files + 1))
            if [ -z "$line" ]; then
                echo "    $name ($dir): no totals, it died" >&2
                f=$((f + 1))
                continue
            fi
            p=$((p + $(echo "$line" | sed -E 's/^Totals: ([0-9]+) passed.*/\1/')))
            f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
            s=$((s + $(echo "$line" | sed -E 's/.* ([0-9]+) skipped.*/\1/')))
        done
        [ -n "$prefix" ] && [ "$files" -eq 0 ] && continue
        printf '    %-13s %3d suites: %4d passed, %d failed, %d skipped\n' "$prefix$label" "$files" "$p" "$f" "$s"
        total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))
    done
    done
    if [ ${#FUZZ_REPORT[@]} -gt 0 ]; then
        echo "==> fuzz smoke: executions per target"
        printf '%s\n' "${FUZZ_REPORT[@]}"
    fi
    echo "$total_p passed, $total_f failed, $total_s skipped"
    [ "$total_f" -eq 0 ]
}

# The Debian package, built by CPack from the build tree into
# $BUILD/packages, then checked as CI checks it: the desktop entry
# (desktop-file-validate), the AppStream metainfo (appstreamcli, no
# network) and the package itself (lintian); an error from any fails.
package() {
    build
    local out="$BUILD/packages"
    rm -rf "$out"
    mkdir -p "$out"
    (cd "$BUILD" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; return 1; }
    rm -rf "$out/_CPack_Packages"
    local deb
    deb=$(ls "$out"/retell-admin_*.deb)
    echo "    $(basename "$deb"): $(du -h "$deb" | cut -f1)"
    validate_package "$deb"
}

validate_package() {
    local deb=$1 tree rc=0
    tree=$(mktemp -d)
    dpkg-deb -x "$deb" "$tree"
    echo "    desktop-file-validate"
    desktop-file-validate "$tree"/usr/share/applications/*.desktop || rc=1
    echo "    appstreamcli validate --no-net"
    appstreamcli validate --no-net "$tree"/usr/share/metainfo/*.metainfo.xml || rc=1
    echo "    lintian"
    lintian --fail-on error "$deb" || rc=1
    rm -rf "$tree"
    return $rc
}

# lupdate over the GUI's sources (and the validator's finding texts,
# marked QT_TRANSLATE_NOOP("Validator", …)) into every translations/*.ts (new texts
# arrive unfinished; texts no longer used are dropped). Translate them in Qt
# Linguist (linguist translations/retell-admin_de.ts) or in the XML; the
# test translations_complete fails while any is unfinished.
translations() {
    deps
    local ts
    for ts in "$ROOT"/translations/*.ts; do
        (cd "$ROOT" && /usr/lib/qt6/bin/lupdate -locations relative -no-obsolete ui app/gui core/validation -ts "$ts")
    done
}

bench() {
    build
    BENCH_DIR=$(mktemp -d) # global: the EXIT trap runs after this function returns
    trap 'tests/mariadb/mariadb-fixture.sh stop "$BENCH_DIR" >/dev/null; tests/pgsql/pgsql-fixture.sh stop "$BENCH_DIR/pg" >/dev/null; rm -rf "$BENCH_DIR"' EXIT
    tests/mariadb/mariadb-fixture.sh start "$BENCH_DIR"
    tests/pgsql/pgsql-fixture.sh start "$BENCH_DIR/pg"
    local port user password pgport pgpassword
    port=$(cat "$BENCH_DIR/port"); user=$(cat "$BENCH_DIR/user"); password=$(cat "$BENCH_DIR/password")
    pgport=$(cat "$BENCH_DIR/pg/port"); pgpassword=$(cat "$BENCH_DIR/pg/password")
    # The benchmarks that take the two servers: each on a database of its own.
    local server_bench
    for server_bench in bench_core bench_sync bench_fleet; do
        MYSQL_PWD="$password" mariadb --no-defaults -h127.0.0.1 -P"$port" -u"$user" -e "CREATE DATABASE $server_bench"
        PGPASSWORD="$pgpassword" psql -q -h 127.0.0.1 -p "$pgport" -U retell -d postgres -c "CREATE DATABASE $server_bench"
        RETELL_ADMIN_DB_PASSWORD="$password" RETELL_BENCH_PGSQL_PASSWORD="$pgpassword" "$BUILD/benchmarks/$server_bench" \
            --mysql "mysql://$user@127.0.0.1:$port/$server_bench" --pgsql "pgsql://retell@127.0.0.1:$pgport/$server_bench"
    done
    for b in "$BUILD"/benchmarks/bench_*; do
        [ -f "$b" ] && [ -x "$b" ] || continue
        case "$(basename "$b")" in bench_core|bench_sync|bench_fleet) ;; bench_gui*) QT_QPA_PLATFORM=offscreen "$b" ;; *) "$b" ;; esac
    done
}

case "${1:-}" in
    run) shift; run_app "$@" ;;
    test) run_tests ;;
    sanitizers) run_sanitizers ;;
    fuzz) shift; fuzz "${1:-60}" ;;
    build) build ;;
    deps) deps ;;
    format) check_format ;;
    bench) bench ;;
    package) package ;;
    translations) translations ;;
    *) echo "usage: scripts/dev.sh run|test|sanitizers|build|deps|bench|format|package|translations|fuzz [SECONDS]" >&2; exit 2 ;;
esac
