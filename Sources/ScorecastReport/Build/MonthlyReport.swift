import Dispatch
import ScorecastCharts
import ScorecastCore
import ScorecastData
import ScorecastSPC
import ScorecastTimeSeries

/// The monthly report of a scorecard: every indicator analysed, the page and its CSVs.
///
/// For each indicator: the scorecard row, SPC (plain and seasonal, or why not), the calendar
/// GLM's "as expected?" verdict for the month, a 12-month ETS forecast, and charts. At the
/// top, a summary of what is unusual this month and what changed most.
public struct MonthlyReport: Sendable {
    public var month: Period
    /// Who the scorecard belongs to, for the title (e.g. "Southampton").
    public var place: String
    public var analyses: [IndicatorAnalysis]
    public var files: ScorecardFiles

    /// The forecasting pipeline every indicator's forecast came from.
    public var pipeline: ForecastPipeline
    /// The borrowed seasonal profiles by indicator code.
    public var references: SeasonalityReferences
    /// The looked-after projection from the scorecard's stock, starts and ends rows.
    public var projection: ScorecardProjection?
    /// Months where `--history` and the scorecard disagree (the scorecard's value is used).
    public var historyConflicts: [ScorecardHistory.Conflict] = []

    /// Analyses every indicator of `files` for `month`, several at a time, forecasting each
    /// through `pipeline`.
    public init(
        files: ScorecardFiles, month: Period, place: String, pipeline: ForecastPipeline, references: SeasonalityReferences = SeasonalityReferences()
    ) {
        self.pipeline = pipeline
        self.references = references
        self.month = month
        self.place = place
        self.files = files
        let lines = ScorecardReport.lines(files, month: month)
        let slots = UnsafeMutableBufferPointer<IndicatorAnalysis?>.allocate(capacity: lines.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let indicators = files.indicators
        let profiles = references.profiles
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: lines.count) { index in
            let indicator = indicators[index]
            output[index] = IndicatorAnalysis(
                indicator: indicator, line: lines[index], series: files.observations[indicator.code]?.series, month: month,
                pipeline: pipeline, profile: profiles[indicator.code])
        }
        analyses = slots.map { $0! }
    }

    // MARK: CSVs

    /// `spc.csv` (plain) and `spc-seasonal.csv`: the `scorecast spc` format.
    public func spcCSV(seasonal: Bool) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(SPCTable.header)
        for analysis in analyses {
            if !seasonal {
                SPCTable.writeRows(analysis.plain, to: &writer)
            } else if case .success(let result) = analysis.seasonal {
                SPCTable.writeRows(result, to: &writer)
            }
            // Without two years of history there is no seasonal pattern to take out: such an
            // indicator has no rows here (its plain rows are in spc.csv), so the two files never
            // repeat each other.
        }
        return writer.bytes
    }

    /// `explain.csv`: the month's verdict per indicator, or the reason there is none, with
    /// where its seasonality came from (`own`, `borrowed:<reference>`, `level only (N months)`),
    /// the terms its model has, and the calendar's share of the month's change with a 95%
    /// interval (empty where the model has no calendar terms).
    public func explainCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord([
            "series", "period", "observed", "expected", "lo_80", "hi_80", "lo_95", "hi_95", "tail_probability", "verdict", "seasonality", "terms",
            "seasonal_change", "seasonal_share_pct", "seasonal_share_lo_95", "seasonal_share_hi_95", "calendar_change", "calendar_share_pct",
            "calendar_share_lo_95", "calendar_share_hi_95", "school_holiday_share_pct", "school_holiday_share_lo_95", "school_holiday_share_hi_95",
            "model", "note",
        ])
        for analysis in analyses {
            let format = ValueFormat(unit: analysis.indicator.unit)
            writer.writeField(analysis.indicator.code)
            writer.writeField(month.description)
            switch analysis.explanation {
            case .success(let explanation):
                writer.writeField(format.csv(explanation.observed))
                writer.writeField(format.csv(explanation.expected))
                for level in [80.0, 95.0] {
                    let interval = explanation.intervals.first { $0.level == level }
                    writer.writeField(format.csv(interval?.lower ?? .nan))
                    writer.writeField(format.csv(interval?.upper ?? .nan))
                }
                writer.writeField(ValueFormat.statistic(explanation.tailProbability))
                writer.writeField(explanation.verdict?.rawValue ?? "")
                writer.writeField(explanation.seasonality.label(terms: explanation.terms))
                writer.writeField(explanation.terms.names.joined(separator: "+"))
                let part = explanation.seasonalPart
                writer.writeField(format.csv(part?.change ?? .nan))
                writer.writeField(CSVNumber.rounded(part?.sharePercent ?? .nan, places: 1))
                writer.writeField(CSVNumber.rounded(part?.shareInterval?.lower ?? .nan, places: 1))
                writer.writeField(CSVNumber.rounded(part?.shareInterval?.upper ?? .nan, places: 1))
                writer.writeField(format.csv(explanation.calendarChange))
                writer.writeField(CSVNumber.rounded(explanation.calendarSharePercent, places: 1))
                writer.writeField(CSVNumber.rounded(explanation.calendarShareInterval?.lower ?? .nan, places: 1))
                writer.writeField(CSVNumber.rounded(explanation.calendarShareInterval?.upper ?? .nan, places: 1))
                let holidays = explanation.schoolHolidayPart
                writer.writeField(CSVNumber.rounded(holidays?.sharePercent ?? .nan, places: 1))
                writer.writeField(CSVNumber.rounded(holidays?.shareInterval?.lower ?? .nan, places: 1))
                writer.writeField(CSVNumber.rounded(holidays?.shareInterval?.upper ?? .nan, places: 1))
                writer.writeField(explanation.model)
                writer.writeField("")
            case .failure(let gap):
                writer.writeField(format.csv(analysis.series[month] ?? .nan))
                for _ in 0..<20 { writer.writeField("") }
                writer.writeField("")
                writer.writeField(gap.reason)
            }
            writer.endRecord()
        }
        return writer.bytes
    }

    /// `forecast.csv`: exactly what `scorecast forecast DIR --model auto:local` writes with the same pipeline
    /// (``ForecastTable``): `series,period,model,model_detail,mean,lo_80,hi_80,lo_95,hi_95`.
    public func forecastCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(ForecastTable.header(levels: pipeline.levels))
        for analysis in analyses {
            guard case .success(let forecast) = analysis.forecast else { continue }
            ForecastTable.write(
                forecast, series: analysis.indicator.code, requested: pipeline.modelName, to: &writer,
                number: ValueFormat(unit: analysis.indicator.unit).csv)
        }
        return writer.bytes
    }

    /// `summary.csv`: one row per indicator with every verdict.
    public func summaryCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord([
            "series", "title", "latest", "change_from_previous_month", "direction", "spc", "seasonal_spc", "explain", "seasonality",
            "forecast_12_months", "forecast_model", "forecast_seasonality", "forecast_terms",
        ])
        for analysis in analyses {
            writer.writeField(analysis.indicator.code)
            writer.writeField(analysis.indicator.title)
            let format = ValueFormat(unit: analysis.indicator.unit)
            writer.writeField(format.csv(analysis.line.latest))
            writer.writeField(CSVNumber.rounded(analysis.line.changeFromPreviousMonth, places: 1))
            writer.writeField(analysis.line.direction.rawValue)
            writer.writeField(analysis.plain.variation.rawValue)
            writer.writeField((try? analysis.seasonal.get().adjusted.variation.rawValue) ?? VariationIcon.tooFewPoints.rawValue)
            let explanation = try? analysis.explanation.get()
            writer.writeField(explanation?.verdict?.rawValue ?? "")
            writer.writeField(explanation.map { $0.seasonality.label(terms: $0.terms) } ?? "")
            let forecast = try? analysis.forecast.get()
            writer.writeField(format.csv(forecast?.mean.last ?? .nan))
            writer.writeField(forecast?.model ?? "")
            writer.writeField(forecast.map { $0.seasonality?.label(terms: $0.terms) ?? "" } ?? "")
            writer.writeField(forecast.map { $0.terms.names.joined(separator: "+") } ?? "")
            writer.endRecord()
        }
        return writer.bytes
    }
}
