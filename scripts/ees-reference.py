#!/usr/bin/env python3
"""Independent reference for `scorecast import-ees` + `compare`: from an explore-education-statistics
(EES) CSV, the published value of every local authority and year for one indicator column under
--where filters, with its region's and England's published values and the mean of its DfE
statistical neighbours' published values (LAIT's "statistical neighbours average").

Written separately from the Swift importer (Python's csv module, no shared code): used once to make
the committed test fixtures (Tests/ScorecastComparatorsTests/Fixtures/ees-reference-*.csv) and by
scripts/check-ees-import on EES files that are not vendored.

Usage: scripts/ees-reference.py FILE --column COL [--where COL=VALUE ...] [--model 2021]
       [--data notebooks-data/dfe] > reference.csv
Output columns: la_code,year,value,missing,region_value,england_value,sn_mean,sn_count
(value empty and missing = the symbol when the cell is a suppression symbol or blank).
"""
import argparse
import csv
import sys

SYMBOLS = {"c", "x", "z", "low", "k", "u", ".", ":", ""}
YEAR_IDS = {"Reporting year": 4, "Financial year": 6, "Academic year": 6}


def year_ending_march(period, identifier):
    if YEAR_IDS.get(identifier) == 4:
        return int(period)
    if YEAR_IDS.get(identifier) == 6:
        return int(period[:4]) + 1
    raise SystemExit(f"unsupported time_identifier {identifier!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--column", required=True)
    parser.add_argument("--where", action="append", default=[])
    parser.add_argument("--model", type=int, default=2021)
    parser.add_argument("--data", default="notebooks-data/dfe")
    args = parser.parse_args()
    filters = [tuple(w.split("=", 1)) for w in args.where]

    renames, lifetimes = {}, {}
    with open(f"{args.data}/la_code_changes.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["replaced_by"]:
                renames[row["code"]] = row["replaced_by"]
            else:
                lifetimes[row["code"]] = (int(row["first_year"] or 0), int(row["last_year"] or 9999))

    la, region, england, la_region = {}, {}, {}, {}
    with open(args.file, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if any(row[c] != v for c, v in filters):
                continue
            level = row["geographic_level"]
            year = year_ending_march(row["time_period"], row["time_identifier"])
            text = row[args.column].strip()
            value = None if text in SYMBOLS else float(text)
            cell = (value, text if value is None else "")
            if level == "National":
                england[year] = cell
            elif level == "Regional" and not row["region_code"].startswith("E13"):
                region[(row["region_code"], year)] = cell
            elif level == "Local authority":
                code = renames.get(row["new_la_code"], row["new_la_code"])
                if "/" in code:
                    continue
                first, last = lifetimes.get(code, (0, 9999))
                if value is None and not (first <= year <= last):
                    continue
                assert (code, year) not in la, f"two rows for {code} {year}: add a --where filter"
                la[(code, year)] = cell
                la_region[code] = "E12000007" if row["region_code"].startswith("E13") else row["region_code"]

    neighbours = {}
    with open(f"{args.data}/statistical_neighbours.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if int(row["model_year"]) == args.model:
                neighbours.setdefault(row["la_code"], []).append(row["neighbour_la_code"])

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["la_code", "year", "value", "missing", "region_value", "england_value", "sn_mean", "sn_count"])

    def show(number):
        return "" if number is None else repr(number)

    for (code, year), (value, missing) in sorted(la.items()):
        values = [la[(n, year)][0] for n in neighbours.get(code, []) if (n, year) in la and la[(n, year)][0] is not None]
        mean = sum(values) / len(values) if values else None
        out.writerow([code, year, show(value), missing, show(region.get((la_region[code], year), (None, ""))[0]),
                      show(england.get(year, (None, ""))[0]), show(mean), len(values)])


if __name__ == "__main__":
    main()
