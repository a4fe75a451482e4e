#!/usr/bin/env bash
# Install paratag's Debian package on a fresh, minimal Debian (debootstrap, the machine's own
# release) with apt and no recommended packages, so that the package's Depends alone must bring
# everything the program and its window load; then read a report with it and start its window
# under Xvfb (the display's socket is shared into the chroot). Run as root; needs debootstrap,
# Xvfb, xdotool and network access to Debian's archive. Called by scripts/check-deb.sh.
#
#   scripts/check-deb-fresh.sh PATH/TO/paratag_*.deb
set -euo pipefail
deb=$(realpath "${1:?usage: check-deb-fresh.sh PATH/TO/paratag_*.deb}")
cd "$(dirname "$0")/.."
release=$(. /etc/os-release && echo "${VERSION_CODENAME:?}")
root=$(mktemp -d /var/tmp/paratag-fresh-debian.XXXXXX)

cleanup() {
  for mount in "$root/tmp/.X11-unix" "$root/proc"; do
    if mountpoint -q "$mount"; then umount "$mount"; fi
  done
  # Never delete through a mount that is still there (it would reach the host's files).
  if grep -q " $root/" /proc/mounts; then
    echo "check-deb-fresh: $root still has mounts; left in place" >&2
  else
    rm -rf "$root"
  fi
}
trap cleanup EXIT

echo "check-deb-fresh: a minimal Debian $release"
debootstrap --variant=minbase "$release" "$root" http://deb.debian.org/debian >/dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount --bind /proc "$root/proc"
cp "$deb" "$root/root/paratag.deb"
cp seeds/CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt "$root/root/report.txt"
# apt's noise in a chroot without /dev/pts is shown only when the install fails.
if ! chroot "$root" /bin/sh -c 'apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /root/paratag.deb' \
  >"$root/apt.log" 2>&1; then
  cat "$root/apt.log" >&2
  exit 1
fi
echo "check-deb-fresh: installed with $(chroot "$root" dpkg-query -W -f='${Status}\n' | grep -c 'ok installed') packages in all"
chroot "$root" /usr/bin/paratag outline /root/report.txt | grep -q "CAC/COSP/WG.2/2017/L.1/Add.1"

# The window, on a display of the host: the smoke test starts this wrapper, which becomes
# paratag inside the chroot (exec keeps the process the test watches).
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
wrapper="$root/root/paratag-in-chroot"
cat >"$wrapper" <<EOF
#!/bin/sh
exec env HOME=/root XDG_DATA_HOME=/root/.local/share XDG_CONFIG_HOME=/root/.config \
  XDG_RUNTIME_DIR=/root/runtime chroot "$root" /usr/bin/paratag "\$@"
EOF
chmod +x "$wrapper"
mkdir -p -m 700 "$root/root/runtime"
scripts/window-smoke-test.sh "$wrapper"
echo "check-deb-fresh: the package alone makes paratag run on a fresh Debian $release"
