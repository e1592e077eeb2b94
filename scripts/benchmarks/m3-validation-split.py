#!/usr/bin/env python3
"""The validation split of M3 monthly used to choose the global model's settings (issue 24):
every training series' last 18 months held out (V1). With CUT (default 18), the last CUT
months are cut and the first 18 of them held out: CUT 36 is the second origin, V2 (months
-36 to -19), trained on what precedes them.

    scripts/benchmarks/m3-validation-split.py OUT_DIR [CUT]   # writes OUT_DIR/val-train.csv, OUT_DIR/val-test.csv
"""
import csv
import os
import sys

out = sys.argv[1]
cut = int(sys.argv[2]) if len(sys.argv) > 2 else 18
os.makedirs(out, exist_ok=True)
with open("notebooks-data/m3-monthly/train.csv", newline="") as handle:
    rows = list(csv.reader(handle))
header, by_series, order = rows[0], {}, []
for row in rows[1:]:
    if row[0] not in by_series:
        by_series[row[0]] = []
        order.append(row[0])
    by_series[row[0]].append(row)
with open(os.path.join(out, "val-train.csv"), "w", newline="") as train, open(os.path.join(out, "val-test.csv"), "w", newline="") as test:
    train_writer, test_writer = csv.writer(train, lineterminator="\n"), csv.writer(test, lineterminator="\n")
    train_writer.writerow(header)
    test_writer.writerow(header)
    for name in order:
        rows = by_series[name]
        end = max(0, len(rows) - cut)
        train_writer.writerows(rows[:end])
        test_writer.writerows(rows[end : max(0, len(rows) - cut + 18)])
