#!/usr/bin/env python3
"""Combines two `scorecast forecast` outputs step by step: WEIGHT x the first + (1 - WEIGHT) x
the second, for the mean and every interval bound (quantile averaging, as `ensemble` and
`auto:global` combine), floored at zero where both are non-negative. Used to choose the global
model's weight in `auto:global` on the validation split of M3 monthly (issue 24), without
refitting either model.

    scripts/benchmarks/global-combine.py GLOBAL.csv AUTO.csv WEIGHT OUT.csv [LEVEL=SCALE ...]

Where the first forecast's model_detail ends "(fallback)" (the global model stood naive in for
a series: too short, or the batch could not train it), the row is the second forecast's, as
`auto:global` leaves a stand-in member out.

Each optional LEVEL=SCALE (e.g. 80=0.9) multiplies the distance of that level's combined bounds
from the combined mean by SCALE: averaging two calibrated intervals' bounds over-covers when the
combined mean is more accurate than either member, and the scale that brings coverage back to
nominal is chosen on the validation split (issue 24, second pass).
"""
import csv
import sys

first_path, second_path, weight, out_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
scales = {level: float(scale) for level, scale in (argument.split("=") for argument in sys.argv[5:])}


def read(path):
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, {(row[0], row[1]): row for row in reader}


header, first = read(first_path)
second_header, second = read(second_path)
assert header == second_header, "the two forecasts need the same columns"
numeric = range(header.index("mean"), len(header))
with open(out_path, "w", newline="") as handle:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(header)
    for key, row in first.items():
        other = second[key]
        if row[header.index("model_detail")].endswith("(fallback)"):
            # The first model stood naive in for itself: the series gets the second alone, as
            # `auto:global` leaves a stand-in member out.
            writer.writerow(other)
            continue
        combined = row[:2] + ["combined", "combined"]
        mean = weight * float(row[numeric[0]]) + (1 - weight) * float(other[numeric[0]])
        for column in numeric:
            value = weight * float(row[column]) + (1 - weight) * float(other[column])
            level = header[column].split("_")[-1]
            if header[column][:3] in ("lo_", "hi_") and level in scales:
                value = mean + scales[level] * (value - mean)
            combined.append(repr(max(value, 0.0)) if float(row[column]) >= 0 and float(other[column]) >= 0 else repr(value))
        writer.writerow(combined)
