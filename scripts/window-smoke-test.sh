#!/usr/bin/env bash
# Start paratag under a private Xvfb display, wait for its window, close it the way a window
# manager does, and check that the process exits with status 0.
#
#   scripts/window-smoke-test.sh PATH/TO/paratag [ARGS…]
set -euo pipefail
binary=${1:?usage: window-smoke-test.sh PATH/TO/paratag [ARGS…]}
shift

display=""
for n in $(seq 150 199); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=:$n; break; fi
done
[[ -n $display ]] || { echo "window-smoke-test: no free X display" >&2; exit 1; }

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
log=$(mktemp)
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
sleep 0.5

# A private data directory, so the test neither reads nor writes the user's preferences.
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)
DISPLAY=$display "$binary" "$@" >"$log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 1 300); do
  window=$(DISPLAY=$display xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1 || true)
  [[ -n $window ]] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $window ]]; then
  echo "window-smoke-test: no window appeared; paratag printed:" >&2
  cat "$log" >&2
  exit 1
fi
title=$(DISPLAY=$display xdotool getwindowname "$window")
echo "window-smoke-test: window $window appeared: $title"
sleep 1

# What a window manager sends when the user clicks the close button (WM_DELETE_WINDOW).
DISPLAY=$display python3 "$(dirname "$0")/close-window.py" "$window"
for _ in $(seq 1 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$app_pid" 2>/dev/null; then
  echo "window-smoke-test: paratag did not exit after its window was closed" >&2
  exit 1
fi
status=0
wait "$app_pid" || status=$?
app_pid=""
if [[ $status -ne 0 ]]; then
  echo "window-smoke-test: paratag exited with status $status; it printed:" >&2
  cat "$log" >&2
  exit 1
fi
echo "window-smoke-test: closed cleanly (exit status 0)"
