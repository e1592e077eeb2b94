#!/usr/bin/env bash
# Accuracy and interval coverage of `scorecast forecast --model auto` on public monthly sets,
# scored by `scorecast accuracy`: sMAPE, MASE and the 80% and 95% coverage, one row per set.
#
#   m3-validation   M3 monthly training parts with their last 18 months held out (what the
#                   calibration was tuned on: the M3 test periods are never used for tuning)
#   m3              M3 monthly, h = 18 (notebooks-data/m3-monthly)
#   m1              M1 monthly, 617 series, h = 18 (notebooks-data/m1-monthly)
#   tourism         tourism competition monthly, 366 series, h = 24 (notebooks-data/tourism-monthly)
#
#   scripts/benchmarks/coverage-monthly.sh                       # every set, release build
#   SETS="m1 tourism" JOBS=1 scripts/benchmarks/coverage-monthly.sh
#   SCORECAST=/path/to/scorecast MODEL=ets scripts/benchmarks/coverage-monthly.sh
#
# CPU seconds (user + system, /usr/bin/time) are printed with each set: on a shared machine
# they, not wall time, measure the cost. Outputs go to out/coverage-monthly/.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-out/coverage-monthly}"
mkdir -p "$out"
jobs="${JOBS:-2}"
model="${MODEL:-auto}"
sets="${SETS:-m3-validation m3 m1 tourism}"
if [[ -z "${SCORECAST:-}" ]]; then
  swift build -c release --product scorecast >&2
  SCORECAST="$(swift build -c release --show-bin-path)/scorecast"
fi

# M3 training parts split into all but the last 18 months (train) and those 18 (test).
validation="$out/m3-validation"
mkdir -p "$validation"
awk -F, -v train="$validation/train.csv" -v test="$validation/test.csv" '
  NR == 1 { print > train; print > test; next }
  { rows[$1] = rows[$1] "\n" $0; count[$1]++; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END {
    for (i = 1; i <= n; i++) {
      name = order[i]; split(substr(rows[name], 2), lines, "\n")
      for (j = 1; j <= count[name]; j++) print lines[j] > (j <= count[name] - 18 ? train : test)
    }
  }' notebooks-data/m3-monthly/train.csv

printf '%-14s %6s %4s %8s %7s %7s %7s %9s %11s\n' set series h sMAPE MASE cov80 cov95 "CPU s" "CPU ms/ser"
for set in $sets; do
  case "$set" in
    m3-validation) data="$validation"; horizon=18 ;;
    m3) data=notebooks-data/m3-monthly; horizon=18 ;;
    m1) data=notebooks-data/m1-monthly; horizon=18 ;;
    tourism) data=notebooks-data/tourism-monthly; horizon=24 ;;
    *) echo "unknown set $set" >&2; exit 64 ;;
  esac
  forecasts="$out/$set-$model.csv"
  /usr/bin/time -f "%U %S" -o "$out/$set-time.txt" \
    "$SCORECAST" forecast "$data/train.csv" --horizon "$horizon" --model "$model" --jobs "$jobs" --output "$forecasts"
  "$SCORECAST" accuracy --forecasts "$forecasts" --actuals "$data/test.csv" --train "$data/train.csv" --label "$model" \
    --output "$out/$set-$model-accuracy.csv"
  series=$(($(cut -d, -f1 "$data/train.csv" | uniq | wc -l) - 1))
  read -r user system < "$out/$set-time.txt"
  # ALL row: series,model,n,mae,rmse,mape,smape,mase,coverage_80,winkler_80,msis_80,coverage_95,...
  grep '^ALL,' "$out/$set-$model-accuracy.csv" | awk -F, -v set="$set" -v series="$series" -v h="$horizon" -v user="$user" -v sys="$system" '
    { cpu = user + sys; printf "%-14s %6d %4d %8.3f %7.3f %7.1f %7.1f %9.1f %11.1f\n", set, series, h, $7, $8, 100 * $9, 100 * $12, cpu, 1000 * cpu / series }'
done
