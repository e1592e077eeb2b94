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

    /// Analyses every indicator of `files` for `month`, several at a time, forecasting each
    /// through `pipeline`.
    public init(files: ScorecardFiles, month: Period, place: String, pipeline: ForecastPipeline) {
        self.pipeline = pipeline
        self.month = month
        self.place = place
        self.files = files
        let lines = ScorecardReport.lines(files, month: month)
        let slots = UnsafeMutableBufferPointer<IndicatorAnalysis?>.allocate(capacity: lines.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let indicators = files.indicators
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: lines.count) { index in
            let indicator = indicators[index]
            output[index] = IndicatorAnalysis(
                indicator: indicator, line: lines[index], series: files.observations[indicator.code]?.series, month: month,
                pipeline: pipeline)
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
            } else {
                // No seasonal pattern could be learnt: no limits, said plainly.
                var tooShort = analysis.plain.spec
                tooShort.minimumPoints = Int.max / 2
                SPCTable.writeRows(try! tooShort.analyse(analysis.series), to: &writer)
            }
        }
        return writer.bytes
    }

    /// `explain.csv`: the month's verdict per indicator, or the reason there is none.
    public func explainCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord([
            "series", "period", "observed", "expected", "lo_80", "hi_80", "lo_95", "hi_95", "tail_probability", "verdict", "calendar_share_pct",
            "model", "note",
        ])
        for analysis in analyses {
            writer.writeField(analysis.indicator.code)
            writer.writeField(month.description)
            switch analysis.explanation {
            case .success(let explanation):
                writer.writeField(explanation.observed)
                writer.writeField(explanation.expected)
                for level in [80.0, 95.0] {
                    let interval = explanation.intervals.first { $0.level == level }
                    writer.writeField(interval?.lower ?? .nan)
                    writer.writeField(interval?.upper ?? .nan)
                }
                writer.writeField(explanation.tailProbability)
                writer.writeField(explanation.verdict?.rawValue ?? "")
                writer.writeField(explanation.calendarSharePercent)
                writer.writeField(explanation.model)
                writer.writeField("")
            case .failure(let gap):
                writer.writeField(analysis.series[month] ?? .nan)
                for _ in 0..<8 { writer.writeField("") }
                writer.writeField("")
                writer.writeField(gap.reason)
            }
            writer.endRecord()
        }
        return writer.bytes
    }

    /// `forecast.csv`: exactly what `scorecast forecast DIR` writes with the same pipeline
    /// (``ForecastTable``): `series,period,model,mean,lo_80,hi_80,lo_95,hi_95`.
    public func forecastCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(ForecastTable.header(levels: pipeline.levels))
        for analysis in analyses {
            guard case .success(let forecast) = analysis.forecast else { continue }
            ForecastTable.write(forecast, series: analysis.indicator.code, to: &writer)
        }
        return writer.bytes
    }

    /// `summary.csv`: one row per indicator with every verdict.
    public func summaryCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord([
            "series", "title", "latest", "change_from_previous_month", "direction", "spc", "seasonal_spc", "explain", "forecast_12_months",
            "forecast_model",
        ])
        for analysis in analyses {
            writer.writeField(analysis.indicator.code)
            writer.writeField(analysis.indicator.title)
            writer.writeField(analysis.line.latest)
            writer.writeField(analysis.line.changeFromPreviousMonth)
            writer.writeField(analysis.line.direction.rawValue)
            writer.writeField(analysis.plain.variation.rawValue)
            writer.writeField((try? analysis.seasonal.get().adjusted.variation.rawValue) ?? VariationIcon.tooFewPoints.rawValue)
            writer.writeField((try? analysis.explanation.get().verdict?.rawValue ?? "") ?? "")
            let forecast = try? analysis.forecast.get()
            writer.writeField(forecast?.mean.last ?? .nan)
            writer.writeField(forecast?.model ?? "")
            writer.endRecord()
        }
        return writer.bytes
    }
}
