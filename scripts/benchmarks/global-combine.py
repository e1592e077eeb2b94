#!/usr/bin/env python3
"""Combines two `scorecast forecast` outputs step by step: WEIGHT x the first + (1 - WEIGHT) x
the second, for the mean and every interval bound (quantile averaging, as `ensemble` and
`auto:global` combine), floored at zero where both are non-negative. Used to choose the global
model's weight in `auto:global` on the validation split of M3 monthly (issue 24), without
refitting either model.

    scripts/benchmarks/global-combine.py GLOBAL.csv AUTO.csv WEIGHT OUT.csv
"""
import csv
import sys

first_path, second_path, weight, out_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]


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
        combined = row[:2] + ["combined", "combined"]
        for column in numeric:
            value = weight * float(row[column]) + (1 - weight) * float(other[column])
            combined.append(repr(max(value, 0.0)) if float(row[column]) >= 0 and float(other[column]) >= 0 else repr(value))
        writer.writerow(combined)
