#!/usr/bin/env bash
# Peak memory of `scorecast forecast` on the 1,428 M3 monthly series and on 14,280 (the set
# repeated ten times under new names, N1402r0 ... N2829r9), with /usr/bin/time -v, and when the
# first output row arrives compared with the end of the run (streaming: input grouped by series).
#
#   scripts/benchmarks/m3-memory.sh            # MODEL=snaive JOBS=2 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
model="${MODEL:-snaive}"
jobs="${JOBS:-2}"
out=out/m3-memory
mkdir -p "$out"
swift build -c release --product scorecast >&2
scorecast="$(swift build -c release --show-bin-path)/scorecast"
train=notebooks-data/m3-monthly/train.csv
{
  head -1 "$train"
  for k in 0 1 2 3 4 5 6 7 8 9; do tail -n +2 "$train" | sed "s/^\([^,]*\),/\1r$k,/"; done
} > "$out/m3-x10.csv"
for input in "$train" "$out/m3-x10.csv"; do
  series=$(($(cut -d, -f1 "$input" | uniq | wc -l) - 1))
  /usr/bin/time -v "$scorecast" forecast "$input" --horizon 18 --model "$model" --jobs "$jobs" --output "$out/forecast.csv" 2> "$out/time.txt"
  peak=$(grep 'Maximum resident set size' "$out/time.txt" | awk '{ print $NF }')
  wall=$(grep 'Elapsed (wall clock)' "$out/time.txt" | awk '{ print $NF }')
  # Streaming to standard output: seconds until the first data row, and until the end.
  timing=$("$scorecast" forecast "$input" --horizon 18 --model "$model" --jobs "$jobs" | python3 -c '
import sys, time
start = time.perf_counter(); first = None
for index, line in enumerate(sys.stdin):
    if index == 1 and first is None: first = time.perf_counter() - start
print(f"{first:.3f} {time.perf_counter() - start:.3f}")')
  echo "$series series, input $(($(stat -c %s "$input") / 1024)) KiB: peak RSS ${peak} KiB, wall ${wall}; streaming: first row after ${timing% *} s of ${timing#* } s"
done
