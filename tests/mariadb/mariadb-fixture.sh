#!/usr/bin/env bash
# Starts or stops a throwaway MariaDB server for the test suite: its own data
# directory, its own port on 127.0.0.1, a test account. Used as a CTest fixture.
#   mariadb-fixture.sh start DIR [--tls]  -> writes DIR/port, DIR/user, DIR/password
#   mariadb-fixture.sh stop DIR
# With --tls the server speaks TLS with certificates made here by openssl:
# DIR/tls/ca.pem (the test CA), server.pem (for IP 127.0.0.1, what the server
# presents), otherhost.pem (same CA, for the name db.other.example only) and
# foreign-ca.pem (a CA that signed nothing here). The server reloads whatever
# DIR/tls/active-cert.pem and active-key.pem hold on FLUSH SSL.
#   mariadb-fixture.sh kill DIR     SIGKILL the server (crash tests), data kept
#   mariadb-fixture.sh resume DIR   start it again on its data and port (crash recovery)
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
tls=${3:-}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

find_bin() { for b in "$@"; do command -v "$b" >/dev/null 2>&1 && { command -v "$b"; return; }; [ -x "/usr/sbin/$b" ] && { echo "/usr/sbin/$b"; return; }; done; return 1; }
MARIADBD=$(find_bin mariadbd mysqld) || { echo "mariadb-fixture: mariadbd not found (install mariadb-server)" >&2; exit 1; }
INSTALL_DB=$(find_bin mariadb-install-db mysql_install_db) || { echo "mariadb-fixture: mariadb-install-db not found" >&2; exit 1; }
CLIENT=$(find_bin mariadb mysql) || { echo "mariadb-fixture: mariadb client not found" >&2; exit 1; }
ADMIN=$(find_bin mariadb-admin mysqladmin) || { echo "mariadb-fixture: mariadb-admin not found" >&2; exit 1; }

user_opt=()
[ "$(id -u)" = 0 ] && user_opt=(--user=root)

alive() { [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null && "$ADMIN" --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; }

stop() {
    if [ -f "$dir/pid" ]; then
        pid=$(cat "$dir/pid")
        if kill -0 "$pid" 2>/dev/null; then
            "$ADMIN" --no-defaults --socket="$dir/sock" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
        rm -f "$dir/pid"
    fi
}


tls_opt=()
launch() {
    nohup "$MARIADBD" --no-defaults --datadir="$dir/data" --socket="$dir/sock" --port="$1" \
        --bind-address=127.0.0.1 "${user_opt[@]}" --pid-file="$dir/mariadbd.pid" \
        --innodb-buffer-pool-size=128M --innodb-log-file-size=64M --innodb-flush-log-at-trx-commit=2 \
        --max-connections=300 --skip-name-resolve --log-error="$dir/error.log" "${tls_opt[@]}" \
        >/dev/null 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 300); do
        "$ADMIN" --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1 && break
        if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
            # Another server (a fixture started at the same moment) took the
            # port between the probe and the bind: the caller tries another.
            if [ "${2:-}" = retry ] && grep -q "already in use" "$dir/error.log" 2>/dev/null; then return 2; fi
            echo "mariadb-fixture: server exited, see $dir/error.log" >&2; tail -20 "$dir/error.log" >&2; exit 1
        fi
        sleep 0.1
    done
    "$ADMIN" --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1 || { echo "mariadb-fixture: server did not answer in 30 s" >&2; exit 1; }
}

case "$cmd" in
start)
    if alive; then echo "mariadb-fixture: already running on port $(cat "$dir/port")"; exit 0; fi
    stop
    rm -rf "$dir/data"; mkdir -p "$dir/data"
    tls_opt=()
    if [ "$tls" = --tls ]; then
        "$(dirname "$0")/../support/make-test-certs.sh" "$dir/tls"
        tls_opt=(--ssl-ca="$dir/tls/ca.pem" --ssl-cert="$dir/tls/active-cert.pem" --ssl-key="$dir/tls/active-key.pem")
    fi
    "$INSTALL_DB" --no-defaults --datadir="$dir/data" "${user_opt[@]}" \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
        || { echo "mariadb-fixture: mariadb-install-db failed, see $dir/install.log" >&2; tail -20 "$dir/install.log" >&2; exit 1; }
    for attempt in 1 2 3 4 5; do
        port=""
        base=$(( 34000 + (RANDOM % 2000) ))
        for p in $(seq "$base" $((base + 200))); do
            if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
        done
        [ -n "$port" ] || { echo "mariadb-fixture: no free port" >&2; exit 1; }
        rc=0; launch "$port" retry || rc=$?
        [ "$rc" = 2 ] || break
        [ "$attempt" -lt 5 ] || { echo "mariadb-fixture: every port tried was taken" >&2; exit 1; }
        : >"$dir/error.log"
    done
    password="retell-test-$(date +%s%N | sha256sum | head -c 12)"
    "$CLIENT" --no-defaults --socket="$dir/sock" -uroot <<SQL
CREATE USER 'retell'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'retell'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    echo "$port" >"$dir/port"; echo retell >"$dir/user"; echo "$password" >"$dir/password"
    echo "mariadb-fixture: MariaDB $("$MARIADBD" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir/data)"
    ;;
kill)
    pid=$(cat "$dir/pid")
    kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "mariadb-fixture: killed"
    ;;
resume)
    alive && exit 0
    launch "$(cat "$dir/port")"
    echo "mariadb-fixture: running again on port $(cat "$dir/port")"
    ;;
stop)
    stop
    rm -rf "$dir/data" "$dir/sock"
    echo "mariadb-fixture: stopped"
    ;;
*) echo "usage: $0 start|stop|kill|resume DIR" >&2; exit 2 ;;
esac
