#!/usr/bin/env bash
# Makes the certificates the TLS test servers (MariaDB and PostgreSQL
# fixtures) present, with openssl, in DIR:
#   ca.pem             the test CA
#   server.pem/-key    signed by it for IP 127.0.0.1 (what the server presents)
#   otherhost.pem/-key signed by it for the name db.other.example only
#   foreign-ca.pem     a CA that signed nothing here
#   active-cert.pem / active-key.pem  a copy of server.pem and its key
#   make-test-certs.sh DIR
set -euo pipefail
t=${1:?directory}
rm -rf "$t"; mkdir -p "$t"
ssl() { openssl "$@" 2>>"$t/openssl.log" >&2; }
ssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=Retell Test CA" -keyout "$t/ca-key.pem" -out "$t/ca.pem"
ssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=Foreign CA" -keyout "$t/foreign-ca-key.pem" -out "$t/foreign-ca.pem"
for name in server otherhost; do
    if [ $name = server ]; then san="IP:127.0.0.1"; cn=127.0.0.1; else san="DNS:db.other.example"; cn=db.other.example; fi
    ssl req -newkey rsa:2048 -nodes -subj "/CN=$cn" -keyout "$t/$name-key.pem" -out "$t/$name.csr"
    printf 'subjectAltName=%s\n' "$san" >"$t/$name.ext"
    ssl x509 -req -in "$t/$name.csr" -CA "$t/ca.pem" -CAkey "$t/ca-key.pem" -CAcreateserial -days 7 \
        -extfile "$t/$name.ext" -out "$t/$name.pem"
done
cp "$t/server.pem" "$t/active-cert.pem"; cp "$t/server-key.pem" "$t/active-key.pem"
