#!/usr/bin/env bash
# Start-up time, peak memory and idle frames of paratag's window, for BENCHMARKS.md.
#
#   scripts/measure.sh PATH/TO/release/paratag [SOURCE-REPORT]
#
# For the built-in report, a generated 10,000-paragraph report (made from SOURCE-REPORT's
# paragraphs when given, e.g. an English report; from the built-in one otherwise), and that
# report beside a 10,000-paragraph English version: starts the binary under a
# private Xvfb with /usr/bin/time -v, reads the time of its first frame (PARATAG_MEASURE_FRAMES
# makes it print one line per frame), counts the frames drawn during 5 s without input, then
# reads on (presses j, next paragraph, 40 times: the built-in report to its end, so every
# glyph it has is drawn), closes the window as a window manager does and reads the peak
# resident memory. /usr/bin/time reports KiB; the figures are MiB (1 MiB = 1.048576 MB).
# Needs: xvfb xdotool time (apt-get install -y xvfb xdotool time), and mesa-vulkan-drivers.
set -euo pipefail
binary=${1:?usage: measure.sh PATH/TO/paratag}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

display=""
for n in $(seq 200 240); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=:$n; break; fi
done
Xvfb "$display" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 0.5
export DISPLAY=$display XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$work/runtime}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

"$binary" --help >/dev/null # warm the page cache: measure start-up, not the first disk read
long="$work/long.txt"
"$binary" sample-report 10000 ${2:+--from "$2"} >"$long"

measure() {
  local name=$1; shift
  local log=$work/$name.log
  PARATAG_MEASURE_FRAMES=1 /usr/bin/time -v "$binary" "$@" >/dev/null 2>"$log" &
  local pid=$!
  local window=""
  for _ in $(seq 1 300); do
    window=$(xdotool search --onlyvisible --name "paratag" 2>/dev/null | head -n 1 || true)
    [[ -n $window ]] && break
    sleep 0.1
  done
  [[ -n $window ]] || { echo "$name: no window"; cat "$log"; return 1; }
  sleep 2
  local before after
  before=$(grep -c '^paratag-frame' "$log" || true)
  sleep 5
  after=$(grep -c '^paratag-frame' "$log" || true)
  xdotool windowfocus --sync "$window" 2>/dev/null || true
  for _ in $(seq 1 40); do
    xdotool key j 2>/dev/null
    sleep 0.05
  done
  sleep 1
  local read
  read=$(grep -c '^paratag-frame' "$log" || true)
  python3 "$here/close-window.py" "$window"
  wait "$pid" || true
  local first rss
  first=$(grep -m1 '^paratag-frame 0 ' "$log" | awk '{print $3}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '%-22s first frame %6s ms after start · %d frames in 5 s idle · %d frames reading on · peak RSS %d MiB (%d MB)\n' \
    "$name" "$first" "$((after - before))" "$((read - after))" "$((rss / 1024))" "$((rss * 1024 / 1000000))"
}

measure "built-in report"
measure "10,000 paragraphs" "$long"
# The same beside a 10,000-paragraph English version (issue 18: two versions side by side).
english="$work/long.en.txt"
"$binary" sample-report 10000 --from "$here/../seeds/CAC-COSP-WG.2-2017-L.1-Add.1.en.txt" >"$english"
measure "two 10,000 ¶ versions" "$long" --parallel "$english"
