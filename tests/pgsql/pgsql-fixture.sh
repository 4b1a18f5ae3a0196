#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the test suite: its own
# data directory, its own port on 127.0.0.1, a test account with a password.
# Used as a CTest fixture beside the MariaDB one.
#   pgsql-fixture.sh start DIR [--tls]  -> writes DIR/port, DIR/user, DIR/password
#   pgsql-fixture.sh stop DIR
#   pgsql-fixture.sh kill DIR     the server stopped at once (-m immediate), data kept
#   pgsql-fixture.sh resume DIR   started again on its data and port (crash recovery)
# With --tls the server speaks TLS (ssl=on) with the certificates
# tests/support/make-test-certs.sh makes in DIR/tls; it presents server.pem.
#   pgsql-fixture.sh present DIR NAME  the server presents DIR/tls/NAME.pem
#                                      (and its key) from now on (a reload)
# As root the server runs as the unprivileged "postgres" account (PostgreSQL
# refuses to run as root); its data directory then lives in a folder of that
# account's own under /tmp, named in DIR/datadir.
set -euo pipefail
cmd=${1:?start|stop|present}
dir=${2:?directory}
arg=${3:-}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { bindir=$d; break; }
done
[ -n "$bindir" ] || { echo "pgsql-fixture: initdb not found (install postgresql)" >&2; exit 1; }

as_server=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pgsql-fixture: running as root needs the postgres account (package postgresql)" >&2; exit 1; }
    as_server=(runuser -u postgres --)
fi
run() { "${as_server[@]}" "$@"; }

data() { cat "$dir/datadir" 2>/dev/null || true; }

alive() {
    local d; d=$(data)
    [ -n "$d" ] && [ -f "$dir/port" ] && run "$bindir/pg_ctl" -D "$d/data" status >/dev/null 2>&1 &&
        run "$bindir/pg_isready" -q -h "$d" -p "$(cat "$dir/port")" >/dev/null 2>&1
}

stop() {
    local d; d=$(data)
    if [ -n "$d" ] && [ -d "$d/data" ]; then
        run "$bindir/pg_ctl" -D "$d/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [ -n "$d" ]; then
        case "$d" in /tmp/retell-pg.*|"$dir"/*) rm -rf "$d" ;; esac
    fi
    rm -f "$dir/datadir" "$dir/port"
}

# The server's certificate and key: copies it may read (its own, mode 0600).
present_cert() {
    local d; d=$(data)
    install -m 0644 "$dir/tls/$1.pem" "$d/cert.pem"
    install -m 0600 "$dir/tls/$1-key.pem" "$d/key.pem"
    [ ${#as_server[@]} -eq 0 ] || chown postgres: "$d/cert.pem" "$d/key.pem"
}

case "$cmd" in
start)
    if alive; then echo "pgsql-fixture: already running on port $(cat "$dir/port")"; exit 0; fi
    stop
    if [ ${#as_server[@]} -gt 0 ]; then
        d=$(mktemp -d /tmp/retell-pg.XXXXXX)
        chown postgres: "$d"
    else
        d="$dir/server"; rm -rf "$d"; mkdir -p "$d"
    fi
    chmod 700 "$d"
    echo "$d" >"$dir/datadir"
    password="retell-test-$(date +%s%N | sha256sum | head -c 12)"
    printf '%s\n' "$password" >"$d/pwfile"
    [ ${#as_server[@]} -gt 0 ] && chown postgres: "$d/pwfile"
    run "$bindir/initdb" -D "$d/data" -U retell --pwfile="$d/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { echo "pgsql-fixture: initdb failed, see $dir/initdb.log" >&2; tail -20 "$dir/initdb.log" >&2; exit 1; }
    rm -f "$d/pwfile"
    port=""
    base=$(( 36000 + (RANDOM % 2000) ))
    for p in $(seq "$base" $((base + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
    done
    [ -n "$port" ] || { echo "pgsql-fixture: no free port" >&2; exit 1; }
    tls_opt=""
    if [ "$arg" = --tls ]; then
        "$(dirname "$0")/../support/make-test-certs.sh" "$dir/tls"
        present_cert server
        tls_opt="-c ssl=on -c ssl_cert_file=$d/cert.pem -c ssl_key_file=$d/key.pem"
    fi
    # Durability is not the point of a test server: no fsync.
    echo "-p $port -k $d -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $tls_opt" >"$dir/options"
    run "$bindir/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 -o "$(cat "$dir/options")" \
        start >/dev/null 2>&1 \
        || { echo "pgsql-fixture: server did not start, see $d/server.log" >&2; tail -20 "$d/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"; echo retell >"$dir/user"; echo "$password" >"$dir/password"
    echo "pgsql-fixture: $("$bindir/postgres" --version) on 127.0.0.1:$port (data in $d/data)"
    ;;
present)
    alive || { echo "pgsql-fixture: not running" >&2; exit 1; }
    [ -f "$dir/tls/${arg:?certificate name}.pem" ] || { echo "pgsql-fixture: no certificate $arg" >&2; exit 1; }
    present_cert "$arg"
    run "$bindir/pg_ctl" -D "$(data)/data" reload >/dev/null
    # A reload is asynchronous: wait until new sessions get the new certificate.
    for _ in $(seq 1 50); do
        echo | openssl s_client -starttls postgres -connect "127.0.0.1:$(cat "$dir/port")" 2>/dev/null |
            openssl x509 -noout -fingerprint 2>/dev/null | grep -q "$(openssl x509 -noout -fingerprint -in "$dir/tls/$arg.pem")" && exit 0
        sleep 0.1
    done
    echo "pgsql-fixture: the server did not take certificate $arg" >&2; exit 1
    ;;
kill)
    run "$bindir/pg_ctl" -D "$(data)/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    echo "pgsql-fixture: killed"
    ;;
resume)
    alive && exit 0
    d=$(data)
    run "$bindir/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 -o "$(cat "$dir/options")" \
        start >/dev/null 2>&1 \
        || { echo "pgsql-fixture: server did not start again, see $d/server.log" >&2; tail -20 "$d/server.log" >&2; exit 1; }
    echo "pgsql-fixture: running again on port $(cat "$dir/port")"
    ;;
stop)
    stop
    echo "pgsql-fixture: stopped"
    ;;
*) echo "usage: $0 start|stop|kill|resume|present DIR [--tls|NAME]" >&2; exit 2 ;;
esac
