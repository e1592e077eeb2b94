#!/usr/bin/env bash
# ETS on the 1,428 M3 monthly series (h = 18, 80% and 95% intervals), side by side in one run
# with statsforecast's AutoETS and R forecast's ets(), each on one core: Scorecast with
# `--jobs 1`, statsforecast one series at a time in one process (JIT warmed first), R's
# ets() + forecast() in a loop. Every tool's forecasts are scored by the same code
# (ets-score.py). Prints one table: wall and CPU time, time per series, each peer's time per
# series relative to Scorecast's, sMAPE, MASE and interval coverage.
#
#   scripts/benchmarks/ets-m3.sh                  # all series for every tool
#   R_EVERY=7 scripts/benchmarks/ets-m3.sh        # R on every 7th series (its time is per series)
#   MODELS="ets ets:like-r auto" scripts/benchmarks/ets-m3.sh  # Scorecast models, each timed
#   SKIP_R=1 scripts/benchmarks/ets-m3.sh         # leave R out
#   SCORECAST_BIN=.build/release/scorecast scripts/benchmarks/ets-m3.sh  # no build step
#   DATA=/path/to/m3-monthly scripts/benchmarks/ets-m3.sh
#
# The ratio column is each tool's CPU time per series over the first Scorecast model's.
#
# Outputs go to out/ets-m3/. Needs python3 with statsforecast and pandas, and R with forecast.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${DATA:-notebooks-data/m3-monthly}"
models="${MODELS:-${MODEL:-ets}}"
out=out/ets-m3
mkdir -p "$out"
if [[ -n "${SCORECAST_BIN:-}" ]]; then
  scorecast="$SCORECAST_BIN"   # an already built binary (e.g. from a -enable-testing build)
else
  swift build -c release --product scorecast >&2
  scorecast="$(swift build -c release --show-bin-path)/scorecast"
fi
here=scripts/benchmarks
series=$(($(wc -l < "$data/series.csv") - 1))

tools=()
for model in $models; do
  tool="scorecast-${model//[:,]/-}"
  tools+=("$tool")
  echo "scorecast forecast --model $model --jobs 1 ..." >&2
  /usr/bin/time -f "%e,%U" -o "$out/$tool-time.txt" "$scorecast" forecast "$data/train.csv" --horizon 18 \
    --model "$model" --level 80 --level 95 --jobs 1 --output "$out/$tool.csv"
  echo "$(cat "$out/$tool-time.txt"),$series" > "$out/$tool-timing.csv"
done

echo "statsforecast AutoETS ..." >&2
python3 "$here/ets-statsforecast.py" "$data" "$out/statsforecast.csv" "${SF_EVERY:-1}" > "$out/statsforecast-timing.csv"
tools+=(statsforecast)

if [[ -z "${SKIP_R:-}" ]]; then
  echo "R ets ..." >&2
  Rscript "$here/ets-r.R" "$data" "$out/r.csv" "${R_EVERY:-1}" > "$out/r-timing.csv"
  tools+=(r)
fi

printf '%-32s %7s %8s %8s %9s %9s %7s %7s %6s %6s\n' tool series wall_s cpu_s cpu_ms/ser ratio smape mase cov80 cov95
base=""
for tool in "${tools[@]}"; do
  IFS=, read -r wall cpu count < "$out/$tool-timing.csv"
  IFS=, read -r smape mase c80 c95 scored < <(python3 "$here/ets-score.py" "$data" "$out/$tool.csv")
  per=$(python3 -c "print(f'{1000 * $cpu / $count:.2f}')")
  [[ -z "$base" ]] && base=$per
  ratio=$(python3 -c "print(f'{$per / $base:.1f}x')")
  printf '%-32s %7s %8s %8s %9s %9s %7s %7s %6s %6s\n' "$tool" "$count" "$wall" "$cpu" "$per" "$ratio" "$smape" "$mase" "$c80" "$c95"
done | tee "$out/table.txt"
