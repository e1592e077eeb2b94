#!/usr/bin/env bash
# Theta family, ARIMA, combination and conformal intervals on all 1,428 M3 monthly series (h = 18),
# through the CLI, side by side with R forecast 8.20 and statsforecast in the same run.
#
# Each method forecasts every series with 80% and 95% intervals using JOBS worker processes
# (scorecast --jobs, R mclapply, statsforecast n_jobs); every forecast file is scored by the
# same code (`scorecast accuracy`): sMAPE (M3), MASE (in-sample seasonal naive), coverage.
# Prints one table: method, seconds, sMAPE, MASE, 80% and 95% coverage, and time ratios.
#
# Usage: [SCORECAST=binary] scripts/benchmarks/m3-theta.sh [JOBS]   (default 2; outputs in out/benchmarks/m3-theta/)
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs="${1:-2}"
data=notebooks-data/m3-monthly
out=out/benchmarks/m3-theta
mkdir -p "$out"
# SCORECAST=/path/to/scorecast uses a binary already built (otherwise a release build).
if [[ -z "${SCORECAST:-}" ]]; then
  swift build -c release --product scorecast >&2
  scorecast="$(swift build -c release --show-bin-path)/scorecast"
else
  scorecast="$SCORECAST"
fi
timings="$out/timings.csv"
echo "tool,method,seconds,series" > "$timings"

ours() {  # label, then forecast arguments
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$scorecast" forecast "$data/train.csv" --horizon 18 --level 80 --level 95 --jobs "$jobs" "$@" --output "$out/scorecast-$label.csv"
  end=$(date +%s.%N)
  echo "scorecast,$label,$(echo "$end - $start" | bc),1428" >> "$timings"
}
ours theta --model theta --intervals model
ours theta-conformal --model theta --intervals conformal
ours theta-dotm --model theta:dotm --intervals model
ours thetaf --model theta:thetaf --intervals model
ours ensemble --model ensemble --intervals model
ours arima --model arima --intervals model
ours arima-kalman --model arima:kalman --intervals model
ours auto --model auto

Rscript scripts/benchmarks/m3-peers.R "$data" "$out" "$jobs" | sed 's/^r,/R,/' >> "$timings"
python3 scripts/benchmarks/m3-peers.py "$data" "$out" "$jobs" >> "$timings"

printf "%-34s %9s %8s %7s %7s %7s\n" method seconds sMAPE MASE cov80 cov95
for file in "$out"/scorecast-*.csv "$out"/r-*.csv "$out"/sf-*.csv "$out"/mean-ets-thetaf-dotm.csv; do
  name=$(basename "$file" .csv)
  case "$name" in
    scorecast-*) key="scorecast,${name#scorecast-}" ;;
    r-*) key="R,${name#r-}" ;;
    sf-*) key="statsforecast,${name#sf-}" ;;
    *) key="-" ;;
  esac
  seconds=$({ grep "^$key," "$timings" || true; } | cut -d, -f3 | head -1)  # none for the mean of peers
  "$scorecast" accuracy --forecasts "$file" --actuals "$data/test.csv" --train "$data/train.csv" --label "$name" \
    | awk -F, -v s="${seconds:--}" '$1 == "ALL" { printf "%-34s %9s %8.3f %7.3f %7.1f %7.1f\n", $2, s, $7, $8, 100 * $9, 100 * $12 }'
done
