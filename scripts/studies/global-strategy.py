#!/usr/bin/env python3
"""Issue 24 study (not product code): cheaper multi-step strategies for the global model,
measured at a validation origin before any is built in Swift.

The Swift `global` model grows one XGBoost booster per forecast step (direct strategy), which
costs about 60 ms a series on M3 monthly; issue 24's speed bar leaves about 16. This sketch
re-creates the Swift windows (the last 24 values over the mean absolute value of the last 12,
missing lags missing; the targets over the same level; XGBoost `hist`, 64 bins, pseudo-Huber
slope 0.1, rows and columns subsampled at 0.8, at most CAP windows per booster) and compares,
on the point forecasts alone and in the 0.4 / 0.6 combination with `auto:local`:

  direct     one booster per step (what Scorecast does)
  recursive  one booster for step 1, applied to its own forecasts step by step
  stacked    one booster for every step, the step a feature, CAP windows sampled over all steps

    scripts/studies/global-strategy.py TRAIN.csv TEST.csv AUTO.csv STRATEGY [--trees N]
        [--eta X] [--depth N] [--cap N] [--seeds N] [--season] [--output FILE]

TRAIN/TEST are tidy `series,period,value` CSV (the validation split of
scripts/benchmarks/coverage-monthly.sh), AUTO is `scorecast forecast --model auto:local` on
TRAIN. Prints CPU seconds (window building included, so slower than the Swift code) and
sMAPE / MASE of the strategy alone and combined at weights 0.3, 0.4 and 0.5. Needs numpy and
xgboost (PyPI); nothing in the test suite runs it. Results: docs/engineering-notes/issue-24.md,
fifth pass.
"""
import argparse
import csv
import math
import random
import time

import numpy as np
import xgboost as xgb

HORIZON, LAGS, LEVEL = 18, 24, 12

parser = argparse.ArgumentParser()
for name in ("train", "test", "auto"):
    parser.add_argument(name)
parser.add_argument("strategy", choices=["direct", "recursive", "stacked"])
parser.add_argument("--trees", type=int, default=300)
parser.add_argument("--eta", type=float, default=0.05)
parser.add_argument("--depth", type=int, default=6)
parser.add_argument("--cap", type=int, default=100_000)
parser.add_argument("--seeds", type=int, default=1, help="boosters averaged, each with its own seed")
parser.add_argument("--season", action="store_true", help="add the origin's month as a feature")
parser.add_argument("--output", help="write the point forecasts here (series, then 18 values)")
arguments = parser.parse_args()


def read(path):
    values, first_month = {}, {}
    with open(path) as handle:
        reader = csv.reader(handle)
        next(reader)
        for series, period, value in reader:
            first_month.setdefault(series, int(period[5:7]))
            values.setdefault(series, []).append(float(value) if value not in ("", "NA") else math.nan)
    return values, first_month


train, first_month = read(arguments.train)
test, _ = read(arguments.test)
names = list(train)


def window(values, end, month):
    """The features and level of the window before index `end`, or None (too short, no level)."""
    if end < LEVEL:
        return None
    recent = [abs(x) for x in values[end - LEVEL : end] if not math.isnan(x)]
    if not recent or sum(recent) <= 0:
        return None
    level = sum(recent) / len(recent)
    features = [math.nan] * LAGS
    for lag in range(LAGS):
        index = end - LAGS + lag
        if index >= 0 and not math.isnan(values[index]):
            features[lag] = values[index] / level
    if arguments.season:
        features.append(float((month - 1 + end - 1) % 12 + 1))
    return features, level


def training_windows(step):
    rows, targets = [], []
    for name, values in train.items():
        for end in range(LEVEL, len(values) - step + 1):
            target = values[end + step - 1]
            made = window(values, end, first_month[name])
            if made is None or math.isnan(target):
                continue
            rows.append(made[0])
            targets.append(target / made[1])
    return rows, targets


sampler = random.Random(1)


def grow(rows, targets, seed):
    if len(rows) > arguments.cap:
        keep = sorted(sampler.sample(range(len(rows)), arguments.cap))
        rows, targets = [rows[i] for i in keep], [targets[i] for i in keep]
    parameters = {
        "booster": "gbtree", "tree_method": "hist", "nthread": 1, "eta": arguments.eta, "max_depth": arguments.depth,
        "subsample": 0.8, "colsample_bytree": 0.8, "max_bin": 64, "base_score": 1, "verbosity": 0,
        "objective": "reg:pseudohubererror", "huber_slope": 0.1, "seed": seed,
    }
    matrix = xgb.DMatrix(np.array(rows, dtype=np.float32), label=np.array(targets), missing=np.nan)
    return xgb.train(parameters, matrix, arguments.trees)


def predict(booster, rows):
    return booster.predict(xgb.DMatrix(np.array(rows, dtype=np.float32), missing=np.nan))


started = time.process_time()
forecasts = {name: [0.0] * HORIZON for name in names}
for repeat in range(arguments.seeds):
    seed = 2021 + 100 * repeat
    if arguments.strategy == "direct":
        origins = [window(train[name], len(train[name]), first_month[name]) for name in names]
        for step in range(1, HORIZON + 1):
            booster = grow(*training_windows(step), seed + step)
            for name, (_, level), ratio in zip(names, origins, predict(booster, [o[0] for o in origins])):
                forecasts[name][step - 1] += float(ratio) * level / arguments.seeds
    elif arguments.strategy == "recursive":
        booster = grow(*training_windows(1), seed)
        extended = {name: list(train[name]) for name in names}
        for step in range(HORIZON):
            origins = [window(extended[name], len(extended[name]), first_month[name]) for name in names]
            for name, (_, level), ratio in zip(names, origins, predict(booster, [o[0] for o in origins])):
                extended[name].append(float(ratio) * level)
                forecasts[name][step] += float(ratio) * level / arguments.seeds
    else:
        rows, targets = [], []
        for step in range(1, HORIZON + 1):
            step_rows, step_targets = training_windows(step)
            rows += [row + [float(step)] for row in step_rows]
            targets += step_targets
        booster = grow(rows, targets, seed)
        origins = [window(train[name], len(train[name]), first_month[name]) for name in names]
        for step in range(1, HORIZON + 1):
            ratios = predict(booster, [o[0] + [float(step)] for o in origins])
            for name, (_, level), ratio in zip(names, origins, ratios):
                forecasts[name][step - 1] += float(ratio) * level / arguments.seeds
cpu = time.process_time() - started

automatic = {}
with open(arguments.auto) as handle:
    for row in csv.DictReader(handle):
        automatic.setdefault(row["series"], []).append(float(row["mean"]))


def accuracy(forecast):
    """Mean sMAPE and MASE (seasonal-naive in-sample scale, m = 12) over every observed outcome."""
    smapes, scaled = [], []
    for name in names:
        history = train[name]
        changes = [abs(history[i] - history[i - 12]) for i in range(12, len(history))]
        scale = np.nanmean(changes) if changes else math.nan
        for actual, predicted in zip(test[name], forecast[name]):
            if math.isnan(actual):
                continue
            denominator = abs(actual) + abs(predicted)
            smapes.append(200 * abs(actual - predicted) / denominator if denominator > 0 else 0.0)
            scaled.append(abs(actual - predicted) / scale if scale and not math.isnan(scale) else math.nan)
    return np.mean(smapes), np.nanmean(scaled)


line = f"{arguments.strategy} cpu={cpu:.1f}s alone {'%.3f/%.4f' % accuracy(forecasts)}"
for weight in (0.3, 0.4, 0.5):
    combined = {n: [weight * g + (1 - weight) * a for g, a in zip(forecasts[n], automatic[n])] for n in names}
    line += f"  w{weight}: {'%.3f/%.4f' % accuracy(combined)}"
print(line)
if arguments.output:
    with open(arguments.output, "w") as handle:
        for name in names:
            handle.write(name + "," + ",".join(repr(x) for x in forecasts[name]) + "\n")
