#!/usr/bin/env bash
# Issue 24, sixth pass: how far the global model's validation result moves with its seed, and
# whether the cheaper global model (C5: light direct boosters plus a recursive booster) is
# within the cost rule's tolerance of the deep direct model once the seed is averaged out.
#
# Two validation origins of the M3 monthly training parts (the test periods are never read):
#   V1  each series' last 18 months held out;  V2  months -36..-19 held out.
# At each, `auto:local` is forecast once; then each configuration is trained with each seed,
# combined with it at weight 0.4 and half-width scale 0.9 (scripts/benchmarks/global-combine.py)
# and scored by `scorecast accuracy`. Prints one row a run, then the means and standard
# deviations over the seeds. One core a run, two runs at a time.
#
#   SCORECAST=/path/to/scorecast scripts/studies/global-seeds.sh [OUT_DIR]
#   SEEDS="2021 1 2 3" (default)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-out/global-seeds}"
seeds="${SEEDS:-2021 1 2 3}"
scorecast="${SCORECAST:?set SCORECAST to a release scorecast}"
mkdir -p "$out"

# The two configurations, spelled out so the study does not depend on the binary's defaults.
deep="--global-strategy direct --global-trees 300 --global-learning-rate 0.05 --global-depth 6 --global-maximum-windows 100000"
c5="--global-strategy direct+recursive --global-trees 100 --global-learning-rate 0.15 --global-depth 4 --global-maximum-windows 30000"

# V1 and V2 by scripts/benchmarks/m3-validation-split.py (the same bytes as the awk recipe of
# scripts/benchmarks/coverage-monthly.sh, which makes V1 without Python).
python3 scripts/benchmarks/m3-validation-split.py "$out/v1" 18
python3 scripts/benchmarks/m3-validation-split.py "$out/v2" 36

for origin in v1 v2; do
  "$scorecast" forecast "$out/$origin/val-train.csv" --horizon 18 --model auto:local --jobs 2 --output "$out/$origin/auto-local.csv"
done

# One run: origin, configuration name, seed.
run() {
  local origin=$1 name=$2 seed=$3 options
  [[ $name == deep ]] && options=$deep || options=$c5
  local stem="$out/$origin/$name-$seed"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S" -o "$stem.time" "$scorecast" forecast "$out/$origin/val-train.csv" --horizon 18 --model global --jobs 1 \
    --global-seed "$seed" $options --output "$stem.csv"
  scripts/benchmarks/global-combine.py "$stem.csv" "$out/$origin/auto-local.csv" 0.4 "$stem-comb.csv" 80=0.9 95=0.9
  "$scorecast" accuracy --forecasts "$stem-comb.csv" --actuals "$out/$origin/val-test.csv" --train "$out/$origin/val-train.csv" \
    --label combination --output "$stem-comb-accuracy.csv"
  "$scorecast" accuracy --forecasts "$stem.csv" --actuals "$out/$origin/val-test.csv" --train "$out/$origin/val-train.csv" \
    --label global --output "$stem-accuracy.csv"
}
export -f run
export out deep c5 scorecast
for origin in v1 v2; do for name in deep c5; do for seed in $seeds; do echo "$origin $name $seed"; done; done; done |
  xargs -P 2 -L 1 bash -c 'run "$@"' _

# ALL rows: series,model,n,mae,rmse,mape,smape,mase,...
printf '%-3s %-5s %5s %10s %9s %10s %7s\n' origin model seed comb.sMAPE comb.MASE alone.sMAPE "CPU s"
for origin in v1 v2; do for name in deep c5; do for seed in $seeds; do
  stem="$out/$origin/$name-$seed"
  read -r user system < "$stem.time"
  printf '%-3s %-5s %5s %10.4f %9.5f %10.4f %7.1f\n' "$origin" "$name" "$seed" \
    "$(grep '^ALL,' "$stem-comb-accuracy.csv" | cut -d, -f7)" "$(grep '^ALL,' "$stem-comb-accuracy.csv" | cut -d, -f8)" \
    "$(grep '^ALL,' "$stem-accuracy.csv" | cut -d, -f7)" "$(echo "$user + $system" | bc)"
done; done; done | tee "$out/runs.txt"
awk '{ key = $1 " " $2; n[key]++; s[key] += $4; ss[key] += $4 * $4; m[key] += $5 }
  END { for (k in n) { sd = n[k] > 1 ? sprintf("%.4f", sqrt((ss[k] - s[k] * s[k] / n[k]) / (n[k] - 1))) : "-"
                       printf "%s mean %.4f / %.5f  sd %s (%d seeds)\n", k, s[k] / n[k], m[k] / n[k], sd, n[k] } }' \
  "$out/runs.txt" | sort
