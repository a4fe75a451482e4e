#!/usr/bin/env bash
# paratag's window icon (assets/icon.png): a page of text lines with the three tag colours
# in its margin, as paragraphs look in the reader. Needs ImageMagick.
set -euo pipefail
out=${1:-assets/icon.png}
convert -size 128x128 xc:none \
  -fill '#2B4C7E' -draw 'roundrectangle 4,4 123,123 22,22' \
  -fill '#FFFFFF' -draw 'roundrectangle 24,16 103,111 8,8' \
  -fill '#C0392B' -draw 'rectangle 32,28 37,44' \
  -fill '#1E8449' -draw 'rectangle 32,56 37,72' \
  -fill '#1F5FC8' -draw 'rectangle 32,84 37,100' \
  -fill '#B8C2D0' \
  -draw 'rectangle 45,29 94,33' -draw 'rectangle 45,39 86,43' \
  -draw 'rectangle 45,57 94,61' -draw 'rectangle 45,67 80,71' \
  -draw 'rectangle 45,85 94,89' -draw 'rectangle 45,95 88,99' \
  -strip "PNG32:$out"
