#!/usr/bin/env python3
"""statsforecast on all M3 monthly series, h = 18, 80% and 95% intervals, timed with n_jobs = JOBS:
DynamicOptimizedTheta, AutoTheta, AutoETS and AutoARIMA (season length 12). Then the plain mean of R's ets,
R's thetaf and statsforecast's DOTM forecasts (means and bounds), the issue's reference ensemble.

Writes OUT_DIR/sf-dotm.csv, sf-autotheta.csv, sf-autoets.csv, sf-autoarima.csv, mean-ets-thetaf-dotm.csv
(series,period,model,mean,lo_80,hi_80,lo_95,hi_95); prints `statsforecast,<model>,<seconds>,<series>`.
Run after m3-peers.R (the ensemble reads its CSVs).
Usage: python3 scripts/benchmarks/m3-peers.py DATA_DIR OUT_DIR JOBS
"""
import os
import sys
import time

import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, DynamicOptimizedTheta

data_dir, out_dir, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
train = pd.read_csv(os.path.join(data_dir, "train.csv")).sort_values(["series", "period"], kind="stable")
test = pd.read_csv(os.path.join(data_dir, "test.csv")).sort_values(["series", "period"], kind="stable")
frame = pd.DataFrame({"unique_id": train["series"], "y": train["value"].astype(float)})
frame["ds"] = frame.groupby("unique_id").cumcount() + 1
periods = test.groupby("series")["period"].apply(list)


def tidy(result, column, label):
    rows = []
    for sid, group in result.groupby("unique_id", sort=False):
        for period, (_, row) in zip(periods[sid], group.iterrows()):
            rows.append((sid, period, label, row[column], row[f"{column}-lo-80"], row[f"{column}-hi-80"],
                         row[f"{column}-lo-95"], row[f"{column}-hi-95"]))
    return pd.DataFrame(rows, columns=["series", "period", "model", "mean", "lo_80", "hi_80", "lo_95", "hi_95"])


models = {"dotm": DynamicOptimizedTheta(season_length=12), "autotheta": AutoTheta(season_length=12),
          "autoets": AutoETS(season_length=12), "autoarima": AutoARIMA(season_length=12)}
first = frame[frame["unique_id"] == frame["unique_id"].iloc[0]]
for label, model in models.items():
    StatsForecast(models=[model], freq=1, n_jobs=1).forecast(df=first, h=18, level=[80, 95])  # warm-up
    start = time.perf_counter()
    result = StatsForecast(models=[model], freq=1, n_jobs=jobs).forecast(df=frame, h=18, level=[80, 95])
    elapsed = time.perf_counter() - start
    result = result.reset_index() if "unique_id" not in result.columns else result
    tidy(result, repr(model), label).to_csv(os.path.join(out_dir, f"sf-{label}.csv"), index=False)
    print(f"statsforecast,{label},{elapsed:.3f},{frame['unique_id'].nunique()}", flush=True)

parts = [pd.read_csv(os.path.join(out_dir, name)) for name in ("r-ets.csv", "r-thetaf.csv", "sf-dotm.csv")]
columns = ["mean", "lo_80", "hi_80", "lo_95", "hi_95"]
combined = parts[0][["series", "period"]].copy()
combined["model"] = "mean(ets,thetaf,dotm)"
for column in columns:
    combined[column] = sum(part.set_index(["series", "period"])[column] for part in parts).values / 3
combined.to_csv(os.path.join(out_dir, "mean-ets-thetaf-dotm.csv"), index=False)
