#!/usr/bin/env python3
"""Times statsforecast's AutoETS on M3 monthly series (one core) and writes its forecasts.

Usage: ets-statsforecast.py DATA_DIR OUT_CSV [EVERY]
Fits every EVERY-th series of series.csv (default 1: all 1,428), h = 18, levels 80 and 95, one
series at a time in this process (the JIT is warmed on one series first and not timed).
Prints `wall_seconds,cpu_seconds,series` on stdout.
"""
import os, sys, time
os.environ.setdefault("NUMBA_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
import pandas as pd
from statsforecast.models import AutoETS

data_dir, out_csv = sys.argv[1], sys.argv[2]
every = int(sys.argv[3]) if len(sys.argv) > 3 else 1
info = pd.read_csv(os.path.join(data_dir, "series.csv"))
train = pd.read_csv(os.path.join(data_dir, "train.csv"))
ids = list(info["series"])[::every]
groups = {k: g.sort_values("period")["value"].to_numpy(dtype=float) for k, g in train.groupby("series")}
# Warm the JIT on one series so compilation is not timed.
AutoETS(season_length=12).forecast(y=groups[ids[0]], h=18, level=[80, 95])
rows = []
start = time.perf_counter()
cpu_start = time.process_time()
for sid in ids:
    result = AutoETS(season_length=12).forecast(y=groups[sid], h=18, level=[80, 95])
    for step in range(18):
        rows.append((sid, step + 1, "statsforecast AutoETS", result["mean"][step], result["lo-80"][step], result["hi-80"][step],
                     result["lo-95"][step], result["hi-95"][step]))
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
pd.DataFrame(rows, columns=["series", "step", "model", "mean", "lo_80", "hi_80", "lo_95", "hi_95"]).to_csv(out_csv, index=False)
print(f"{elapsed:.3f},{cpu:.3f},{len(ids)}")
