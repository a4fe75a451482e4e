#!/usr/bin/env bash
# Crash during save: run paratag's real save (storage::save: .bak, then an atomic write) in a
# child process in a loop and kill it with SIGKILL at a random moment, KILLS times. After each
# kill the next start's clean-up runs, and the tags file must load and be exactly one of the
# versions that were being saved, its .bak too, with no temporary file left.
#
#   scripts/kill-during-save.sh PATH/TO/paratag [KILLS]     (200 in CI, 2,000 before a release)
set -euo pipefail
binary=${1:?usage: kill-during-save.sh PATH/TO/paratag [KILLS]}
kills=${2:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tags=$dir/report.tags.ron

# One uninterrupted round first, so that there is a previous version to keep.
"$binary" save-loop "$tags" &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

for i in $(seq 1 "$kills"); do
  "$binary" save-loop "$tags" &
  pid=$!
  # 0–40 ms: saves take a few ms each, so kills land before, during and after writes.
  sleep "0.0$(printf '%02d' $((RANDOM % 40)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! "$binary" save-loop --verify "$tags"; then
    echo "kill-during-save: after kill $i the tags file is not a whole saved version" >&2
    exit 1
  fi
done
echo "kill-during-save: $kills kills, every one left a whole saved version and no temporary file"
