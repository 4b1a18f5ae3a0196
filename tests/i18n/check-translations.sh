#!/usr/bin/env bash
# Every message of the GUI has a finished translation in every language:
# lupdate over ui/, app/gui/ and core/validation/ into a copy of each translations/*.ts must
# leave no message unfinished (a new text not yet translated, or one whose
# source changed) and no plural form empty. Usage: check-translations.sh ROOT LUPDATE
set -euo pipefail
root=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
shopt -s nullglob
files=("$root"/translations/*.ts)
[ ${#files[@]} -gt 0 ] || { echo "FAIL: no translations/*.ts in $root"; exit 1; }
for ts in "${files[@]}"; do
    name=$(basename "$ts")
    cp "$ts" "$tmp/$name"
    (cd "$root" && "$lupdate" -silent -no-obsolete ui app/gui core/validation -ts "$tmp/$name")
    total=$(grep -c '<message' "$tmp/$name" || true)
    unfinished=$(grep -c 'type="unfinished"' "$tmp/$name" || true)
    empty=$(grep -cE '<numerusform></numerusform>|<translation></translation>' "$tmp/$name" || true)
    echo "$name: $total messages, $unfinished unfinished, $empty empty"
    if [ "$unfinished" -gt 0 ] || [ "$empty" -gt 0 ]; then
        rc=1
        echo "  not translated yet (first 30):"
        grep -B3 'type="unfinished"' "$tmp/$name" | sed -nE 's/.*<source>(.*)<\/source>.*/    \1/p' | head -30
    fi
    [ "$total" -gt 0 ] || { echo "FAIL: lupdate found no messages"; rc=1; }
done
[ $rc -eq 0 ] && echo "PASS: every message translated"
exit $rc
