#!/usr/bin/env bash
# paratag's icons, rendered from assets/icons/paratag.svg (a page of text lines with the three
# tag colours in its margin, as paragraphs look in the reader): the window icon
# (assets/icon.png) and the desktop's hicolor sizes (assets/icons/hicolor/), which
# `paratag install-desktop` and the Debian package install. The two smallest sizes have their
# own drawings on the pixel grid (paratag-16.svg, paratag-24.svg), where the large one blurs.
# Needs rsvg-convert (librsvg2-bin) and optipng.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 24 32 48 64 128 256 512; do
  source=assets/icons/paratag.svg
  [[ -f assets/icons/paratag-$size.svg ]] && source=assets/icons/paratag-$size.svg
  out=assets/icons/hicolor/${size}x${size}/apps/paratag.png
  mkdir -p "$(dirname "$out")"
  rsvg-convert --width "$size" --height "$size" "$source" --output "$out"
  optipng -quiet -o7 -strip all "$out"
done
cp assets/icons/hicolor/128x128/apps/paratag.png assets/icon.png
