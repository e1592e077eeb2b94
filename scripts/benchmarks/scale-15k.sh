#!/usr/bin/env bash
# Scale: `scorecast forecast --model auto --jobs 2` on 15,000 monthly series, with wall time,
# CPU time and peak memory from /usr/bin/time -v, and a check that every series was forecast.
#
# The series are made here, not committed: M3 monthly training series drawn with replacement
# (fixed seed), each multiplied by a random scale (log-uniform over 0.1 to 100) and by
# independent multiplicative noise (normal, sd 3%) on every value, renamed S00001 ... Rows are
# grouped by series, as every tidy export writes them, so the input streams for the models that
# fit one series at a time (`auto:local`); `auto` reads the batch first to train the global
# model on it (training windows capped at 30,000 per direct booster and 100,000 for the
# recursive one).
#
#   scripts/benchmarks/scale-15k.sh                     # 15,000 series, auto, 2 jobs
#   MODEL=auto:local SERIES=1500 scripts/benchmarks/scale-15k.sh  # streams: peak memory must not grow
#   MODEL=snaive SERIES=150000 scripts/benchmarks/scale-15k.sh
#
# Outputs go to out/scale/.
set -euo pipefail
cd "$(dirname "$0")/../.."
series="${SERIES:-15000}"
model="${MODEL:-auto}"
jobs="${JOBS:-2}"
out=out/scale
mkdir -p "$out"
if [[ -z "${SCORECAST:-}" ]]; then
  swift build -c release --product scorecast >&2
  SCORECAST="$(swift build -c release --show-bin-path)/scorecast"
fi
input="$out/monthly-$series.csv"
python3 - "$series" notebooks-data/m3-monthly/train.csv > "$input" <<'PY'
import csv, math, random, sys
count, source = int(sys.argv[1]), sys.argv[2]
series = {}
for row in csv.DictReader(open(source)):
    series.setdefault(row["series"], []).append((row["period"], float(row["value"])))
names = sorted(series)
generator = random.Random(20261206)
print("series,period,value")
for index in range(count):
    rows = series[generator.choice(names)]
    scale = math.exp(generator.uniform(math.log(0.1), math.log(100)))
    name = f"S{index + 1:05d}"
    for period, value in rows:
        noisy = value * scale * (1 + generator.gauss(0, 0.03))
        print(f"{name},{period},{noisy:.6g}")
PY
rows=$(($(wc -l < "$input") - 1))
echo "input: $series series, $rows rows, $(($(stat -c %s "$input") / 1024)) KiB; model $model, --jobs $jobs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$SCORECAST" forecast "$input" --horizon 18 --model "$model" --jobs "$jobs" --output "$out/forecast-$series.csv" \
  2> "$out/time-$series.txt"
forecast=$(($(($(wc -l < "$out/forecast-$series.csv") - 1)) / 18))
wall=$(grep 'Elapsed (wall clock)' "$out/time-$series.txt" | awk '{ print $NF }')
user=$(grep 'User time' "$out/time-$series.txt" | awk '{ print $NF }')
system=$(grep 'System time' "$out/time-$series.txt" | awk '{ print $NF }')
peak=$(grep 'Maximum resident set size' "$out/time-$series.txt" | awk '{ print $NF }')
awk -v s="$series" -v f="$forecast" -v w="$wall" -v u="$user" -v y="$system" -v p="$peak" 'BEGIN {
  cpu = u + y
  printf "%d series, %d forecast: wall %s, CPU %.1f s (user %.1f + system %.1f; %.1f ms a series), peak RSS %.0f MB\n", s, f, w, cpu, u, y, 1000 * cpu / s, p / 1024
}'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ "$forecast" -eq "$series" ]] || { echo "not every series was forecast" >&2; exit 1; }
