#!/usr/bin/env python3
"""Scores M3 monthly forecasts: sMAPE (M3 definition, 0-200), MASE (scaled by the in-sample
seasonal naive MAE), and the share of actuals inside the 80% and 95% intervals.

Usage: ets-score.py DATA_DIR FORECASTS.csv
FORECASTS has series, step (1..18) or period, mean, lo_80, hi_80, lo_95, hi_95. Prints
`smape,mase,coverage80,coverage95,series`.
"""
import sys
import numpy as np
import pandas as pd

data_dir, path = sys.argv[1], sys.argv[2]
train = pd.read_csv(f"{data_dir}/train.csv").sort_values(["series", "period"])
test = pd.read_csv(f"{data_dir}/test.csv").sort_values(["series", "period"])
test["step"] = test.groupby("series").cumcount() + 1
forecasts = pd.read_csv(path)
key = "step" if "step" in forecasts.columns else "period"
merged = forecasts.merge(test[["series", "step", "period", "value"]], on=["series", key])
scale = {s: np.mean(np.abs(g.value.to_numpy()[12:] - g.value.to_numpy()[:-12])) for s, g in train.groupby("series")}
error = np.abs(merged.value - merged["mean"])
smape = (200 * error / (np.abs(merged.value) + np.abs(merged["mean"]))).groupby(merged.series).mean().mean()
mase = (error / merged.series.map(scale)).groupby(merged.series).mean().mean()
inside80 = ((merged.value >= merged.lo_80) & (merged.value <= merged.hi_80)).mean() * 100
inside95 = ((merged.value >= merged.lo_95) & (merged.value <= merged.hi_95)).mean() * 100
print(f"{smape:.3f},{mase:.4f},{inside80:.2f},{inside95:.2f},{merged.series.nunique()}")
