#!/usr/bin/env bash
# Build paratag's Debian package with cargo-deb and check it as a user meets it: exactly the
# files docs/packaging.md lists, a desktop entry desktop-file-validate accepts, installed with
# apt (which brings its dependencies), the installed program reading a report and its window
# starting under Xvfb, the tags files' MIME type known to the desktop, then removed again. Also
# checks the desktop entry `paratag install-desktop` writes, and (check-deb-fresh.sh) the
# package on a fresh minimal Debian with nothing but its Depends. Run as root, after
# `cargo build --release` (the package takes that binary); needs desktop-file-utils,
# shared-mime-info, debootstrap, Xvfb and xdotool (.ci/run installs them).
#
#   scripts/check-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
# cargo-deb, pinned, installed once beside the target directory so that warm runs reuse it.
cargo_deb_version=3.8.0
tools=${PARATAG_TOOLS:-$(dirname "$target")/tools}
if [[ "$("$tools/bin/cargo-deb" --version 2>/dev/null || true)" != *"$cargo_deb_version"* ]]; then
  cargo install cargo-deb --locked --version "=$cargo_deb_version" --root "$tools"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -rf "$target/debian"
"$tools/bin/cargo-deb" --locked --no-build --output "$scratch/"
deb=$(ls "$scratch"/paratag_*.deb)
echo "built $(basename "$deb")"

# Exactly these files, no more and no fewer.
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -v '/$' | sed 's|^\./|/|' | sort >"$scratch/files"
sort >"$scratch/expected" <<'EOF'
/usr/bin/paratag
/usr/share/applications/paratag.desktop
/usr/share/doc/paratag/OFL-NotoSansCJK.txt
/usr/share/doc/paratag/README.md
/usr/share/doc/paratag/changelog.Debian.gz
/usr/share/doc/paratag/copyright
/usr/share/icons/hicolor/128x128/apps/paratag.png
/usr/share/icons/hicolor/16x16/apps/paratag.png
/usr/share/icons/hicolor/24x24/apps/paratag.png
/usr/share/icons/hicolor/256x256/apps/paratag.png
/usr/share/icons/hicolor/32x32/apps/paratag.png
/usr/share/icons/hicolor/48x48/apps/paratag.png
/usr/share/icons/hicolor/512x512/apps/paratag.png
/usr/share/icons/hicolor/64x64/apps/paratag.png
/usr/share/icons/hicolor/scalable/apps/paratag.svg
/usr/share/mime/packages/paratag.xml
EOF
diff -u "$scratch/expected" "$scratch/files"
dpkg-deb --field "$deb" Package Version Depends Recommends

# The packaged desktop entry, and the one install-desktop writes.
dpkg-deb --extract "$deb" "$scratch/root"
desktop-file-validate "$scratch/root/usr/share/applications/paratag.desktop"
"$target/release/paratag" install-desktop --data-dir "$scratch/home" >/dev/null
desktop-file-validate "$scratch/home/applications/paratag.desktop"
grep -qx "Exec=$(realpath "$target/release/paratag") %f" "$scratch/home/applications/paratag.desktop"

# Installed as a user would: apt resolves the dependencies from the package's own fields.
cp "$deb" "$scratch/paratag.deb"
install_deb() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$scratch/paratag.deb" >/dev/null; }
# A dependency apt has never heard of (package lists not fetched on this machine) needs them.
install_deb || { apt-get update -qq && install_deb; }
trap 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq paratag >/dev/null || true; rm -rf "$scratch"' EXIT
/usr/bin/paratag --version
/usr/bin/paratag outline seeds/CAC-COSP-WG.2-2017-L.1-Add.1.zh.txt | grep -q "CAC/COSP/WG.2/2017/L.1/Add.1"
scripts/window-smoke-test.sh /usr/bin/paratag
grep -qx 'application/x-paratag-tags:\*\.tags\.ron' /usr/share/mime/globs ||
  { echo "check-deb: the MIME database does not know *.tags.ron" >&2; exit 1; }
grep -q '^application/x-paratag-tags=paratag.desktop' /usr/share/applications/mimeinfo.cache ||
  { echo "check-deb: the desktop database does not offer paratag for tags files" >&2; exit 1; }
echo "check-deb: $(basename "$deb") installs, starts and is known to the desktop"
# And on a fresh, minimal Debian, where nothing but the package's Depends is there.
scripts/check-deb-fresh.sh "$deb"
