#!/usr/bin/env bash
# Installs a built package on a clean Debian 12 (a debootstrap chroot, made
# once in DIR) as a new admin would, and starts both programs from it:
#   packaging/install-test.sh build/packages/retell-admin_0.1.0_amd64.deb [DIR]
# Needs root, debootstrap and Debian's mirror (apt resolves the dependencies).
# The GUI starts headless (offscreen), opens the embedded database it creates
# on first start, logs in as the demo admin, reports its start-up and quits.
set -euo pipefail
deb=$(readlink -f "$1")
root=${2:-/var/tmp/retell-admin-bookworm}
if [ ! -x "$root/usr/bin/apt-get" ]; then
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
cp "$deb" "$root/tmp/"
chroot "$root" bash -euo pipefail -c "
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends ./tmp/$(basename "$deb") >/tmp/apt.log
    echo '==> installed:'; dpkg -s retell-admin | sed -n 's/^\(Version\|Depends\|Recommends\): /    &/p'
    command -v retell-admin retell-admin-cli
    man -w retell-admin retell-admin-cli 2>/dev/null || ls /usr/share/man/man1/retell-admin*
    ls /usr/share/applications/ /usr/share/metainfo/ | grep -i retell
    retell-admin-cli --version
    export HOME=/root XDG_RUNTIME_DIR=/run/user/0 QT_QPA_PLATFORM=offscreen
    mkdir -p -m 0700 /run/user/0
    retell-admin --version
    RETELL_ADMIN_PASSWORD=demo-password retell-admin --db sqlite:/root/.local/share/retell-admin/retell-admin.sqlite --user admin@example.com --report-startup
    RETELL_ADMIN_PASSWORD=demo-password retell-admin-cli --db sqlite:/root/.local/share/retell-admin/retell-admin.sqlite --user admin@example.com branches | head -5
"
