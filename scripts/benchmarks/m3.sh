#!/usr/bin/env bash
# The M3 harness: forecasts all 1,428 M3 monthly series (h = 18) through `scorecast forecast`
# with every catalogued model, scores them with `scorecast accuracy`, and in the same run does
# the same with R forecast (snaive, thetaf, ets) and statsforecast (SeasonalNaive, AutoETS,
# AutoTheta) where installed, scoring their forecasts with the same metric code. It also scores
# the original competitors' forecasts (competitors.csv). Prints one table: sMAPE, MASE, OWA,
# interval coverage and MSIS, wall time, time per series, and each tool's time relative to
# Scorecast's counterpart.
#
#   scripts/benchmarks/m3.sh                 # everything
#   MODELS="snaive naive2" SKIP_R=1 SKIP_PYTHON=1 scripts/benchmarks/m3.sh
#   JOBS=2 scripts/benchmarks/m3.sh          # Scorecast's --jobs and statsforecast's n_jobs (default: nproc)
#
# Outputs (forecasts, per-series accuracy, timings) go to out/m3/.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=notebooks-data/m3-monthly
out=out/m3
mkdir -p "$out"
jobs="${JOBS:-$(nproc)}"
swift build -c release --product scorecast >&2
scorecast="$(swift build -c release --show-bin-path)/scorecast"
models="${MODELS:-$("$scorecast" models | tail -n +2 | cut -d, -f1 | tr '\n' ' ')}"
series_count=$(($(wc -l < "$data/series.csv") - 1))
timings="$out/timings.csv"
echo "tool,method,seconds,peak_kb,forecasts" > "$timings"

score() { # forecasts-file file-label model-label -> appends the ALL row to $out/summary.csv
  "$scorecast" accuracy --forecasts "$1" --actuals "$data/test.csv" --train "$data/train.csv" --label "$3" --output "$out/accuracy-$2.csv"
  grep '^ALL,' "$out/accuracy-$2.csv" >> "$out/summary.csv"
}
: > "$out/summary.csv"

for model in $models; do
  file="$out/scorecast-${model//:/-}.csv"
  echo "scorecast forecast --model $model ..." >&2
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$scorecast" forecast "$data/train.csv" --horizon 18 --model "$model" \
    --jobs "$jobs" --output "$file"
  read -r seconds peak < "$out/time.txt"
  echo "scorecast,scorecast $model,$seconds,$peak,$file" >> "$timings"
  score "$file" "scorecast-${model//:/-}" "scorecast $model"
done

if [[ -z "${SKIP_R:-}" ]] && Rscript -e 'suppressMessages(library(forecast))' >/dev/null 2>&1; then
  for method in snaive thetaf ets; do
    echo "R forecast $method ..." >&2
    file="$out/r-$method.csv"
    seconds=$(Rscript scripts/benchmarks/m3-r.R "$method" "$data/train.csv" "$file")
    echo "R forecast,R $method,$seconds,,$file" >> "$timings"
    score "$file" "r-$method" "R $method"
  done
else
  echo "R forecast not installed (or SKIP_R set): skipped" >&2
fi

if [[ -z "${SKIP_PYTHON:-}" ]] && python3 -c 'import statsforecast' >/dev/null 2>&1; then
  for model in SeasonalNaive AutoETS AutoTheta; do
    echo "statsforecast $model ..." >&2
    file="$out/statsforecast-$model.csv"
    seconds=$(python3 scripts/benchmarks/m3-statsforecast.py "$model" "$data/train.csv" "$file" "$jobs" | tail -1)
    echo "statsforecast,statsforecast $model,$seconds,,$file" >> "$timings"
    score "$file" "statsforecast-$model" "statsforecast $model"
  done
else
  echo "statsforecast not installed (or SKIP_PYTHON set): skipped" >&2
fi

echo "scoring the original M3 competitors ..." >&2
"$scorecast" accuracy --forecasts "$data/competitors.csv" --actuals "$data/test.csv" --train "$data/train.csv" \
  --model-column method --step-column step --forecast-column forecast --output "$out/accuracy-competitors.csv"
grep '^ALL,' "$out/accuracy-competitors.csv" | sed 's/^ALL,/ALL,M3 /' >> "$out/summary.csv"

python3 - "$out/summary.csv" "$timings" "$series_count" "$jobs" <<'PY'
import csv, sys
summary_path, timings_path, count, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
timings = {row["method"]: row for row in csv.DictReader(open(timings_path))}
# Columns of the accuracy ALL rows: series,model,n,mae,rmse,mape,smape,mase,(coverage,winkler,msis)*levels...,owa
rows = list(csv.reader(open(summary_path)))
counterpart = {"snaive": ["R snaive", "statsforecast SeasonalNaive"], "ets": ["R ets", "statsforecast AutoETS"],
               "theta": ["R thetaf", "statsforecast AutoTheta"]}
ours = {name.split(" ", 1)[1]: float(t["seconds"]) for name, t in timings.items() if t["tool"] == "scorecast"}
def ratio(method):
    for mine, others in counterpart.items():
        if method in others and mine in ours and ours[mine] > 0:
            return f"{float(timings[method]['seconds']) / ours[mine]:.1f}x scorecast {mine}"
    return ""
print(f"M3 monthly, {count} series, h = 18 (scorecast --jobs {jobs})")
header = f"{'method':34} {'sMAPE':>7} {'MASE':>7} {'OWA':>6} {'cov80':>6} {'cov95':>6} {'MSIS':>7} {'seconds':>8} {'ms/series':>9} {'peak MB':>8}  time vs"
print(header)
print("-" * len(header))
for row in rows:
    method = row[1]
    smape, mase, owa = float(row[6]), float(row[7]), row[-1]
    intervals = row[8:-1]
    cov80 = cov95 = msis = ""
    if len(intervals) >= 6:
        cov80, cov95, msis = f"{float(intervals[0]):.3f}", f"{float(intervals[3]):.3f}", f"{float(intervals[5]):.2f}"
    t = timings.get(method)
    seconds = f"{float(t['seconds']):.2f}" if t else ""
    per = f"{1000 * float(t['seconds']) / count:.2f}" if t else ""
    peak = f"{int(t['peak_kb']) / 1024:.0f}" if t and t["peak_kb"] else ""
    print(f"{method:34} {smape:7.3f} {mase:7.3f} {float(owa):6.3f} {cov80:>6} {cov95:>6} {msis:>7} {seconds:>8} {per:>9} {peak:>8}  {ratio(method)}")
PY
