// The README's library quick start, compiled and run by CI (`.ci/run`), so it cannot go stale.
//
//     swift run -c release scorecast-quickstart
import ScorecastCore
import ScorecastTimeSeries

// Three years of monthly contacts: a gentle rise, a dip every August (the school summer break).
let start = Period(year: 2018, month: 4)
let values: [Double] = (0..<36).map { month in
    let calendarMonth = start.advanced(by: month).position
    return 1_500 + 4 * Double(month) - (calendarMonth == 8 ? 300 : 0) + Double((month * 37) % 23)
}
let contacts = TimeSeries(name: "contacts", start: start, values: values)

// One pipeline: fit → forecast → intervals → bounds, as `scorecast forecast` runs it.
let pipeline = try ForecastPipeline(.automatic, horizon: 12, levels: [80, 95])
let result = try pipeline.forecast(contacts, bounds: .nonNegativeIfObservedSo)

print("model:", result.forecast.model)
let interval95 = result.forecast.interval(level: 95)!
for (step, period) in result.forecast.periods.enumerated() {
    let mean = result.forecast.mean[step].rounded()
    print("\(period)  \(mean)  95%: \(interval95.lower[step].rounded()) to \(interval95.upper[step].rounded())")
}

// A model by name, exactly as the command line parses it.
let theta = try ForecastPipeline(try ModelSpecification(parsing: "theta:dotm"), horizon: 12)
print("theta:dotm, August 2021:", try theta.forecast(contacts).forecast.mean[4].rounded())
