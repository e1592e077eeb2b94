import ScorecastCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which way an indicator moved since the previous month, judged by its polarity.
public enum DirectionOfTravel: String, Sendable {
    case improving, worsening
    case noChange = "no_change"
    /// Neutral polarity, or a month missing.
    case notApplicable = "not_applicable"
}

/// One indicator's line of the scorecard for a month: values, changes, 12-month figures,
/// comparators, direction of travel, and where the printed figures disagree with the data.
public struct ScorecardLine: Sendable {
    public var indicator: Indicator
    public var month: Period
    public var latest: Double
    public var previous: Double
    /// Percent change from the previous month, unrounded (`NaN` when either month is
    /// missing or the previous value is 0).
    public var changeFromPreviousMonth: Double
    public var sameMonthLastYear: Double
    public var changeFromLastYear: Double
    /// Mean, maximum and minimum of the observed values among the 12 months ending at the
    /// month, and how many of those 12 were observed.
    /// Only when all 12 months are observed (otherwise `NaN`): a figure from fewer months is
    /// never a 12-month figure. ``meanOfObserved12`` and ``highOfObserved12`` are those of the
    /// ``monthsObserved12`` months there are, labelled as such wherever they are shown.
    public var average12Months: Double
    public var high12Months: Double
    public var low12Months: Double
    public var monthsObserved12: Int
    public var meanOfObserved12: Double = .nan
    public var highOfObserved12: Double = .nan
    /// Comparators in ``ScorecardImport/comparatorGroups`` order.
    public var comparators: [ComparatorValue]
    public var direction: DirectionOfTravel
    public var printed: PrintedFigures?
    /// Disagreements between printed and recomputed figures, in words.
    public var disagreements: [String]
}

/// The scorecard for a month, recomputed from the tidy files.
///
/// Percent changes are `100 (x_t - x_s) / x_s`. A printed change is checked against the
/// recomputed one rounded to a whole percent, halves away from zero (as spreadsheets round).
/// For a count the values are exact, so the rounded change must equal the printed one. For
/// a percentage or rate the scorecard prints values rounded to whole numbers, so a printed
/// change disagrees only if no values within ±0.5 of those printed could give it. The
/// 12-month average and high are checked (to the nearest whole number) only when all 12
/// months are in the data.
public enum ScorecardReport {
    /// Rounds half away from zero, as spreadsheets do (`-25.5` → `-26`).
    public static func roundHalfAwayFromZero(_ value: Double) -> Double {
        value.rounded(.toNearestOrAwayFromZero)
    }

    /// The percent change from `from` to `to`; `NaN` when either is missing or `from` is 0.
    public static func percentChange(from: Double, to: Double) -> Double {
        guard !from.isNaN, !to.isNaN, from != 0 else { return .nan }
        return (to - from) / abs(from) * 100
    }

    /// The scorecard lines for `month`, in catalogue order.
    public static func lines(_ files: ScorecardFiles, month: Period) -> [ScorecardLine] {
        files.indicators.map { line(for: $0, files: files, month: month) }
    }

    static func line(for indicator: Indicator, files: ScorecardFiles, month: Period) -> ScorecardLine {
        let observed = files.observations[indicator.code]
        func value(_ period: Period) -> Double {
            guard let series = observed?.series, series.frequency == period.frequency else { return .nan }
            return series[period] ?? .nan
        }
        let latest = value(month)
        let previous = value(month.advanced(by: -1))
        let lastYear = value(month.advanced(by: -month.frequency.periodsPerYear))
        let window = (0..<month.frequency.periodsPerYear).map { value(month.advanced(by: -$0)) }.filter { !$0.isNaN }
        let comparators = ScorecardImport.comparatorGroups.map { files.comparators[indicator.code]?[$0] ?? ComparatorValue(value: nil, status: nil) }
        let complete = window.count == month.frequency.periodsPerYear
        let mean = window.isEmpty ? Double.nan : window.reduce(0, +) / Double(window.count)
        var result = ScorecardLine(
            indicator: indicator, month: month, latest: latest, previous: previous,
            changeFromPreviousMonth: percentChange(from: previous, to: latest),
            sameMonthLastYear: lastYear, changeFromLastYear: percentChange(from: lastYear, to: latest),
            average12Months: complete ? mean : .nan,
            high12Months: complete ? window.max() ?? .nan : .nan, low12Months: complete ? window.min() ?? .nan : .nan,
            monthsObserved12: window.count,
            comparators: comparators, direction: direction(indicator.polarity, previous: previous, latest: latest),
            printed: files.printed[indicator.code], disagreements: [])
        result.meanOfObserved12 = mean
        result.highOfObserved12 = window.max() ?? .nan
        result.disagreements = disagreements(result)
        return result
    }

    static func direction(_ polarity: Polarity, previous: Double, latest: Double) -> DirectionOfTravel {
        guard polarity != .neutral, !previous.isNaN, !latest.isNaN else { return .notApplicable }
        if latest == previous { return .noChange }
        return (latest > previous) == (polarity == .higherIsBetter) ? .improving : .worsening
    }

    /// Whether a printed whole-percent change could come from values printed as `from` and
    /// `to`: exactly for counts, within the rounding of the printed values otherwise.
    public static func changeAgrees(printed: Double, from: Double, to: Double, unit: IndicatorUnit) -> Bool {
        if unit == .count {
            return roundHalfAwayFromZero(percentChange(from: from, to: to)) == printed
        }
        let half = 0.5
        let fromRange = (max(from - half, 0), from + half)
        let toRange = (max(to - half, 0), to + half)
        guard fromRange.0 > 0 else { return true }
        let lowest = percentChange(from: fromRange.1, to: toRange.0)
        let highest = percentChange(from: fromRange.0, to: toRange.1)
        return roundHalfAwayFromZero(lowest) <= printed && printed <= roundHalfAwayFromZero(highest)
    }

    static func disagreements(_ line: ScorecardLine) -> [String] {
        guard let printed = line.printed else { return [] }
        var found: [String] = []
        func percent(_ value: Double) -> String { CSVNumber.format(value) + "%" }
        if let printedChange = printed.changeFromPreviousMonth, !line.changeFromPreviousMonth.isNaN,
            !changeAgrees(printed: printedChange, from: line.previous, to: line.latest, unit: line.indicator.unit)
        {
            found.append(
                "change_from_previous_month: printed \(percent(printedChange)), values \(CSVNumber.format(line.previous)) -> \(CSVNumber.format(line.latest)) give \(percent(roundHalfAwayFromZero(line.changeFromPreviousMonth)))"
            )
        }
        if let printedChange = printed.changeFromLastYear, !line.changeFromLastYear.isNaN,
            !changeAgrees(printed: printedChange, from: line.sameMonthLastYear, to: line.latest, unit: line.indicator.unit)
        {
            found.append(
                "change_from_last_year: printed \(percent(printedChange)), values \(CSVNumber.format(line.sameMonthLastYear)) -> \(CSVNumber.format(line.latest)) give \(percent(roundHalfAwayFromZero(line.changeFromLastYear)))"
            )
        }
        if line.monthsObserved12 == line.month.frequency.periodsPerYear {
            if let average = printed.average12Months, abs(average - line.average12Months) > 0.5 {
                found.append("average_12_months: printed \(CSVNumber.format(average)), values give \(CSVNumber.format(line.average12Months))")
            }
            if let high = printed.high12Months, high != roundHalfAwayFromZero(line.high12Months), line.indicator.unit == .count {
                found.append("high_12_months: printed \(CSVNumber.format(high)), values give \(CSVNumber.format(line.high12Months))")
            }
        }
        return found
    }

    /// The columns of the long (one row per indicator) CSV.
    public static let columns = [
        "code", "title", "unit", "polarity", "period", "latest", "previous",
        "change_from_previous_month", "printed_change_from_previous_month",
        "same_month_last_year", "change_from_last_year", "printed_change_from_last_year",
        "average_12_months", "printed_average_12_months", "high_12_months", "printed_high_12_months", "low_12_months",
        "months_observed_12", "mean_of_months_observed", "high_of_months_observed",
        "statistical_neighbours", "england", "south_east",
        "difference_statistical_neighbours", "ratio_statistical_neighbours",
        "difference_england", "ratio_england", "difference_south_east", "ratio_south_east",
        "direction", "disagreement",
    ]

    /// The scorecard as CSV, one row per indicator.
    public static func csv(_ lines: [ScorecardLine]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(columns)
        for line in lines {
            var fields = [
                line.indicator.code, line.indicator.title, line.indicator.unit.rawValue, line.indicator.polarity.rawValue, line.month.description,
            ]
            let numbers: [Double] = [
                line.latest, line.previous, line.changeFromPreviousMonth, line.printed?.changeFromPreviousMonth ?? .nan,
                line.sameMonthLastYear, line.changeFromLastYear, line.printed?.changeFromLastYear ?? .nan,
                line.average12Months, line.printed?.average12Months ?? .nan, line.high12Months, line.printed?.high12Months ?? .nan,
                line.low12Months,
            ]
            // Values to 0.01, changes to 0.1 percent, ratios to 0.001: no float noise.
            let places = [2, 2, 1, 1, 2, 1, 1, 2, 2, 2, 2, 2]
            fields += zip(numbers, places).map { CSVNumber.rounded($0, places: $1) }
            fields.append(String(line.monthsObserved12))
            fields.append(CSVNumber.rounded(line.meanOfObserved12, places: 2))
            fields.append(CSVNumber.rounded(line.highOfObserved12, places: 2))
            fields += line.comparators.map { CSVNumber.rounded($0.value ?? .nan, places: 2) }
            for comparator in line.comparators {
                let value = comparator.value ?? .nan
                fields.append(CSVNumber.rounded(line.latest - value, places: 2))
                fields.append(CSVNumber.rounded(value == 0 ? .nan : line.latest / value, places: 3))
            }
            fields.append(line.direction.rawValue)
            fields.append(line.disagreements.joined(separator: "; "))
            writer.writeRecord(fields)
        }
        return writer.bytes
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A month as the published scorecard labels it: `Aug-21`.
    public static func label(_ period: Period) -> String {
        guard period.frequency == .monthly else { return period.description }
        let year = String(period.year % 100)
        return monthNames[period.position - 1] + "-" + (year.count == 1 ? "0" + year : year)
    }

    /// The scorecard laid out as published, for spreadsheet users: code, title, lead, owner,
    /// outcome, the seven months to `month`, % change from the previous month and from the
    /// same month last year, the icon, the 12-month average and high, the three comparators
    /// and the commentary. Values print as the scorecard prints them (`19%` for percentages,
    /// `-` not published, `tbc`, `n/a`, `Local`); figures the scorecard printed are taken from
    /// `printed.csv`, and computed (rounded to whole numbers) only where it has none.
    public static func wideCSV(_ lines: [ScorecardLine], files: ScorecardFiles, month: Period, months: Int = 7) -> [UInt8] {
        var writer = CSVWriter()
        let periods = (0..<months).map { month.advanced(by: $0 - months + 1) }
        writer.writeRecord(
            ["code", "title", "lead", "owner", "outcome"] + periods.map(label)
                + [
                    "% change from \(label(month.advanced(by: -1)))", "% change from \(label(month.advanced(by: -12)))", "icon",
                    "12m average", "12m high", "statistical neighbours", "England", "South East", "commentary",
                ])
        for line in lines {
            let indicator = line.indicator
            let suffix = indicator.unit == .percent ? "%" : ""
            func shown(_ value: Double?) -> String {
                guard let value, !value.isNaN else { return "-" }
                return CSVNumber.format(value) + suffix
            }
            var fields = [indicator.code, indicator.title, indicator.lead, indicator.owner, indicator.outcome]
            let observed = files.observations[indicator.code]
            for period in periods {
                guard let observed, observed.series.frequency == period.frequency,
                    let index = Optional(observed.series.start.distance(to: period)), observed.series.values.indices.contains(index)
                else {
                    fields.append("")
                    continue
                }
                let value = observed.series.values[index]
                if value.isNaN {
                    fields.append(observed.statuses[index].map(ScorecardCell.printedForm(ofStatus:)) ?? "")
                } else {
                    fields.append(shown(value))
                }
            }
            func change(_ printed: Double?, _ computed: Double) -> String {
                if files.hasPrinted {
                    return printed.map { CSVNumber.format($0) + "%" } ?? "n/a"
                }
                return computed.isNaN ? "n/a" : CSVNumber.format(roundHalfAwayFromZero(computed)) + "%"
            }
            fields.append(change(line.printed?.changeFromPreviousMonth, line.changeFromPreviousMonth))
            fields.append(change(line.printed?.changeFromLastYear, line.changeFromLastYear))
            fields.append(line.printed?.icon ?? "")
            if files.hasPrinted {
                fields.append(shown(line.printed?.average12Months))
                fields.append(shown(line.printed?.high12Months))
            } else {
                fields.append(shown(line.average12Months.isNaN ? nil : roundHalfAwayFromZero(line.average12Months)))
                fields.append(shown(line.high12Months.isNaN ? nil : line.high12Months))
            }
            for comparator in line.comparators {
                if let value = comparator.value {
                    fields.append(shown(value))
                } else {
                    fields.append(comparator.status.map(ScorecardCell.printedForm(ofStatus:)) ?? "")
                }
            }
            fields.append(files.commentary[indicator.code] ?? "")
            writer.writeRecord(fields)
        }
        return writer.bytes
    }
}
