import Foundation
import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// Rolling-origin backtest on the real Cafcass care applications (England), over the longest
/// complete stretch, April 2010 to September 2015 (66 months): origins after 36, 37, ..., 54
/// months, each forecasting the next 12. Compared: the calendar GLM as `--model glm` fits it,
/// the same GLM without calendar terms, ETS (automatic, as R's `ets()`), and the seasonal naive
/// forecast (each month's value a year earlier; its point forecast only).
///
/// The test prints the table (`swift test -c release -Xswiftc -enable-testing --filter
/// CafcassBacktest`) and checks what the data show; see the issue note for the figures.
@Suite struct CafcassBacktestTests {
    struct Score: CustomStringConvertible {
        var model: String
        var absoluteErrors: [Double] = []
        var squaredErrors: [Double] = []
        var covered95 = 0
        var intervals = 0

        var meanAbsoluteError: Double { absoluteErrors.reduce(0, +) / Double(absoluteErrors.count) }
        var rootMeanSquaredError: Double { (squaredErrors.reduce(0, +) / Double(squaredErrors.count)).squareRoot() }
        var coverage: Double { intervals == 0 ? .nan : Double(covered95) / Double(intervals) }
        var description: String { "\(model): MAE \(meanAbsoluteError), RMSE \(rootMeanSquaredError), 95% coverage \(coverage)" }
    }

    static func series() throws -> TimeSeries {
        let url = try #require(Bundle.module.url(forResource: "cafcass-care-applications-tidy", withExtension: "csv", subdirectory: "Fixtures/glm"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let observations = try rows.map { (period: try #require(Period(parsing: $0[1])), value: try #require(Double($0[2]))) }
        let full = try TimeSeries(name: "cafcass_care_applications", observations: observations)
        let start = Period(year: 2010, month: 4)
        let offset = full.start.distance(to: start)
        return TimeSeries(name: full.name, start: start, values: Array(full.values[offset..<(offset + 66)]))
    }

    @Test func calendarGLMAgainstETSAndSeasonalNaive() throws {
        let series = try Self.series()
        #expect(!series.hasMissingValues)
        let horizon = 12
        var scores = ["glm", "glm without calendar", "ets", "snaive"].map { Score(model: $0) }
        for origin in 36...(series.count - horizon) {
            let training = series.prefix(origin)
            let actual = Array(series.values[origin..<(origin + horizon)])
            let forecasts: [Forecast?] = [
                try CalendarGLM().fit(training).forecast(horizon: horizon, levels: [95]),
                try CalendarGLM(calendar: nil).fit(training).forecast(horizon: horizon, levels: [95]),
                try ETS().fit(training).forecast(horizon: horizon, levels: [95]),
                nil,
            ]
            for (index, forecast) in forecasts.enumerated() {
                for step in 0..<horizon {
                    let point = forecast?.mean[step] ?? training.values[training.count - 12 + step % 12]
                    scores[index].absoluteErrors.append(abs(actual[step] - point))
                    scores[index].squaredErrors.append((actual[step] - point) * (actual[step] - point))
                    if let interval = forecast?.interval(level: 95) {
                        scores[index].intervals += 1
                        if actual[step] >= interval.lower[step] && actual[step] <= interval.upper[step] { scores[index].covered95 += 1 }
                    }
                }
            }
        }
        for score in scores { print("cafcass backtest \(score)") }
        #expect(scores.allSatisfy { $0.absoluteErrors.count == 19 * horizon && $0.meanAbsoluteError.isFinite })
        // The calendar terms (working days above all) improve the GLM on this series.
        #expect(scores[0].meanAbsoluteError < scores[1].meanAbsoluteError)
    }
}
