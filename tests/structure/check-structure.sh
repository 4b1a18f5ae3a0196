#!/usr/bin/env bash
# The structure rules of issue 10 and the design review, checked on the
# sources (a CTest, so a change that breaks one fails CI):
#   1. core/common and core/domain include nothing above them;
#   2. no include loop between the folders of core/;
#   3. ui/ folders below ui/app never include ui/app headers;
#   4. core/ includes no widget header;
#   5. no service asks which SQL dialect it runs on (only core/db knows;
#      DatabaseRoles writes DDL for a dialect it is told).
# Prints every violation; exits 1 when there is one.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"
failed=0
fail() { echo "structure: $*"; failed=1; }

# "file<TAB>included" for every quoted include of a tree.
includes() { grep -rHoE '^#include "[^"]+"' "$@" --include='*.h' --include='*.cpp' |
    sed -E 's/:#include "/\t/; s/"$//'; }

# 1. The ground floor.
while IFS=$'\t' read -r file inc; do
    case "$inc" in */*) folder=${inc%%/*} ;; *) continue ;; esac
    case "$folder" in common | domain) ;; *) fail "$file includes $inc (common/ and domain/ stand on nothing above them)" ;; esac
done < <(includes core/common core/domain)

# 2. Folder graph of core/ and its cycles (depth-first search in awk).
edges=$(includes core | awk -F'\t' '{
    split($1, p, "/"); from = p[2]; n = split($2, q, "/");
    if (n > 1 && q[1] != from && q[1] != "") print from, q[1] }' | sort -u)
cycle=$(printf '%s\n' "$edges" | awk '
    NF == 2 { adj[$1] = adj[$1] " " $2; nodes[$1]; nodes[$2] }
    function visit(n,   i, k, list) {
        state[n] = 1; stack[++depth] = n
        k = split(adj[n], list, " ")
        for (i = 1; i <= k; i++) {
            if (state[list[i]] == 1) { found = list[i]; for (j = depth; j >= 1 && stack[j] != found; j--) path = stack[j] " -> " path; path = found " -> " path list[i]; return 1 }
            if (state[list[i]] == 0 && visit(list[i])) return 1
        }
        state[n] = 2; depth--; return 0
    }
    END { for (n in nodes) if (state[n] == 0 && visit(n)) { print path; exit } }')
[ -z "$cycle" ] || fail "include loop between core folders: $cycle"

# 3. Arrows in ui/ point down: panels, editors, diff and merge windows are
# below the application (ui/app), which wires them.
while IFS=$'\t' read -r file inc; do
    case "$inc" in app/* | ui/app/*) fail "$file includes $inc (only ui/app may include ui/app)" ;; esac
done < <(includes ui --exclude-dir=app)

# 4. No widgets in core/.
while IFS= read -r hit; do
    fail "$hit (core/ includes no widget header)"
done < <(grep -rnE '^#include <(QtWidgets/|QWidget|QDialog|QMainWindow|QMessageBox|QApplication|QAbstractButton|QLabel)' core || true)

# 5. Services do not ask for their dialect.
while IFS= read -r hit; do
    fail "$hit (services use the SqlDialect strategy, not a test of the dialect)"
done < <(grep -rnE 'driverName\(\)|"Q(MYSQL|PSQL|SQLITE)"|Dialect::(MySQL|PostgreSQL|SQLite)\b|\.dialect ==|\.dialect !=' \
    core --include='*.cpp' --include='*.h' | grep -vE '^core/db/|^core/access/DatabaseRoles\.cpp' || true)

[ $failed -eq 0 ] && echo "structure: all rules hold ($(printf '%s\n' "$edges" | grep -c . ) folder edges in core/, no loop)"
exit $failed
