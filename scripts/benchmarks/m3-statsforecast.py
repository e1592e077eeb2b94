#!/usr/bin/env python3
"""statsforecast on the 1,428 M3 monthly series, h = 18: one model per call.

    python3 scripts/benchmarks/m3-statsforecast.py MODEL TRAIN.csv OUT.csv [JOBS]
    (MODEL: SeasonalNaive, AutoETS, AutoTheta)

Writes series,period,model,mean,lo_80,hi_80,lo_95,hi_95 and prints the fitting time in seconds
(data loading and writing excluded; the first call's compilation included, as a user sees it).
"""
import sys
import time

import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, AutoTheta, SeasonalNaive

model_name, train_path, out_path = sys.argv[1:4]
jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
train = pd.read_csv(train_path, dtype={"series": str, "period": str})
# Periods of unknown start use year 0001, outside pandas' timestamps: count months from 1970.
year = train["period"].str.slice(0, 4).astype(int)
month = train["period"].str.slice(5, 7).astype(int)
ordinal = (year * 12 + month - 1).to_numpy()
frame = pd.DataFrame({"unique_id": train["series"], "ds": ordinal, "y": train["value"].astype(float)})
model = {"SeasonalNaive": SeasonalNaive(season_length=12), "AutoETS": AutoETS(season_length=12),
         "AutoTheta": AutoTheta(season_length=12)}[model_name]
forecaster = StatsForecast(models=[model], freq=1, n_jobs=jobs)
started = time.perf_counter()
forecasts = forecaster.forecast(df=frame, h=18, level=[80, 95])
elapsed = time.perf_counter() - started
forecasts = forecasts.reset_index() if "unique_id" not in forecasts.columns else forecasts
ords = forecasts["ds"].astype(int)
out = pd.DataFrame({
    "series": forecasts["unique_id"],
    "period": [f"{o // 12:04d}-{o % 12 + 1:02d}" for o in ords],
    "model": "statsforecast " + model_name,
    "mean": forecasts[model_name],
    "lo_80": forecasts[f"{model_name}-lo-80"], "hi_80": forecasts[f"{model_name}-hi-80"],
    "lo_95": forecasts[f"{model_name}-lo-95"], "hi_95": forecasts[f"{model_name}-hi-95"],
})
out.to_csv(out_path, index=False, float_format="%.17g")
print(f"{elapsed:.3f}")
