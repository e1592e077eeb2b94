import Foundation
import ScorecastCore
import ScorecastData
import ScorecastTestSupport
import Testing

@testable import ScorecastCLI

/// `scorecast forecast --model glm` and `auto` with a calendar: a golden snapshot on the
/// bundled Cafcass fixture, the calendar options changing the forecast, counts never negative,
/// percentages within [0, 100], and auto choosing the GLM only when a calendar is given.
@Suite("scorecast forecast --model glm")
struct GLMForecastCommandTests {
    static let cafcass = Bundle.module.url(forResource: "calendar-cafcass-input", withExtension: "csv", subdirectory: "Fixtures")!.path
    static let percentages = Bundle.module.url(forResource: "calendar-percent-input", withExtension: "csv", subdirectory: "Fixtures")!.path

    /// One forecast row: the model column and the numbers after it (mean, then the bounds).
    struct Row {
        var model: String
        var numbers: [Double]
    }

    /// Runs `scorecast forecast` with `arguments` (an asynchronous command) as the command line would.
    static func forecast(_ arguments: [String]) async throws {
        let command = try ForecastCommand.parse(arguments)
        try command.validate()
        try await command.execute()
    }

    /// Runs `forecast` with `arguments` and returns its rows.
    static func forecastRows(_ run: CommandRun, _ arguments: [String], name: String = "forecast.csv") async throws -> [Row] {
        try await forecast(arguments + ["--output", run.path(name)])
        let table = try CSVTable(path: run.path(name), required: ["series", "period", "model", "mean"])
        var rows: [Row] = []
        while try table.next() {
            rows.append(
                Row(
                    model: table.text("model_detail"),
                    numbers: try ["mean", "lo_80", "hi_80", "lo_95", "hi_95"].map { try #require(try table.number($0)) }))
        }
        return rows
    }

    @Test func glmWithTheEnglandCalendarMatchesTheGoldenCSV() async throws {
        let run = try CommandRun()
        try await Self.forecast([Self.cafcass, "--model", "glm", "--calendar", "england", "--horizon", "6", "--output", run.path("forecast.csv")])
        let text = try run.read("forecast.csv")
        try Golden.check(text, against: "forecast-glm-cafcass.csv")
        #expect(
            text.hasPrefix(
                "series,period,model,model_detail,mean,lo_80,hi_80,lo_95,hi_95\ncafcass_care_applications,2021-05,GLM,\"GLM(negbin, trend on, "))
        #expect(text.split(separator: "\n").count == 7)
        // england is glm's default calendar.
        try await Self.forecast([Self.cafcass, "--model", "glm", "--horizon", "6", "--output", run.path("default.csv")])
        #expect(try run.read("default.csv") == text)
    }

    /// `--indicators` marks percent series: every model's forecast of them stays within 0 to
    /// 100 (a drift towards 100 would cross it), glm fits them on the logit scale; counts are
    /// only floored at zero.
    @Test(arguments: ["drift", "ets:AAN", "glm"])
    func percentSeriesNamedByTheCatalogueStayWithinZeroAndOneHundred(model: String) async throws {
        let run = try CommandRun()
        let months = (0..<36).map { "\(2019 + $0 / 12)-" + String(format: "%02d", $0 % 12 + 1) }
        let percent = months.enumerated().map { "P1,\($0.element),\(88 + Double($0.offset) * 0.3 + Double($0.offset % 3) * 0.4)" }
        let count = months.enumerated().map { "C1,\($0.element),\(88 + Double($0.offset) * 0.3 + Double($0.offset % 3) * 0.4)" }
        try run.write("input.csv", (["series,period,value"] + percent + count).joined(separator: "\n") + "\n")
        try run.write(
            "indicators.csv",
            "code,title,unit,polarity,frequency,lead,owner,outcome\nP1,A percentage,percent,higher_is_better,monthly,,,\nC1,A count,count,neutral,monthly,,,\n"
        )
        let rows = try await Self.forecastRows(
            run, [run.path("input.csv"), "--model", model, "--horizon", "36", "--indicators", run.path("indicators.csv")])
        #expect(rows.count == 72)
        for row in rows.prefix(36) {
            for number in row.numbers { #expect(number >= 0 && number <= 100, "\(model): \(row.numbers)") }
        }
        // The count series is not bounded above: its upper 95% bound passes 100 by the end.
        #expect(rows[71].numbers[4] > 100)
    }

    /// A council's term dates and an events file each change the forecast; --calendar none
    /// takes the calendar terms out.
    @Test func termDatesEventsAndNoCalendarChangeTheForecast() async throws {
        let run = try CommandRun()
        // A council whose 2021 summer holiday runs all of July to mid-September.
        try run.write("terms.csv", "start,end,kind\n2021-04-01,2021-04-16,easter\n2021-05-31,2021-06-04,half_term\n2021-07-01,2021-09-15,summer\n")
        try run.write("events.csv", "start,end,event\n2017-01-01,2017-08-31,reform\n")
        let base = try await Self.forecastRows(run, [Self.cafcass, "--model", "glm:negbin,fourier2", "--horizon", "6"], name: "base.csv")
        let terms = try await Self.forecastRows(
            run, [Self.cafcass, "--model", "glm:negbin,fourier2", "--horizon", "6", "--term-dates", run.path("terms.csv")], name: "terms.csv.out")
        let events = try await Self.forecastRows(
            run, [Self.cafcass, "--model", "glm:negbin,fourier2", "--horizon", "6", "--events", run.path("events.csv")], name: "events.csv.out")
        let none = try await Self.forecastRows(
            run, [Self.cafcass, "--model", "glm:negbin,fourier2", "--horizon", "6", "--calendar", "none"], name: "none.csv")
        func means(_ rows: [Row]) -> [Double] { rows.map { $0.numbers[0] } }
        // July's school-holiday share goes from about 0.3 to 1 with the council's dates.
        #expect(means(terms)[2] != means(base)[2])
        #expect(means(events) != means(base))
        #expect(events[0].model.hasSuffix("calendar, events)"))
        #expect(none[0].model == "GLM(negbin, trend on, fourier2)")
        #expect(means(none) != means(base))
    }

    /// Counts are never forecast negative, whatever the family; a small declining count
    /// series is where a linear model would go below zero.
    @Test(arguments: ["glm", "glm:poisson", "glm:gaussian", "glm:gaussian,noseason", "auto"])
    func countsNeverForecastNegative(model: String) async throws {
        let run = try CommandRun()
        var text = "series,period,value\n"
        let values = [6, 5, 7, 4, 5, 3, 4, 2, 3, 1, 2, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
        for (offset, value) in values.enumerated() {
            text += "declining,\(2019 + (offset + 3) / 12)-\(String(format: "%02d", (offset + 3) % 12 + 1)),\(value)\n"
        }
        try run.write("declining.csv", text)
        let rows = try await Self.forecastRows(run, [run.path("declining.csv"), "--model", model, "--calendar", "england", "--horizon", "24"])
        #expect(rows.count == 24)
        for row in rows { #expect(row.numbers.allSatisfy { $0 >= 0 }, "\(row)") }
    }

    /// Numerator and denominator columns: glm fits a quasi-binomial model, in [0, 100].
    @Test func percentagesWithDenominatorsStayWithinZeroAndOneHundred() async throws {
        let run = try CommandRun()
        let rows = try await Self.forecastRows(run, [Self.percentages, "--model", "glm", "--horizon", "12"])
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.model == "GLM(quasibinomial, trend on, fourier2, calendar)" })
        for row in rows { #expect(row.numbers.allSatisfy { $0 >= 0 && $0 <= 100 }, "\(row)") }
    }

    /// auto considers the calendar GLM only when a calendar is given.
    @Test func autoChoosesTheGLMOnlyWithACalendar() async throws {
        let run = try CommandRun()
        var text = "series,period,value\n"
        for seed: UInt64 in [1, 2] {
            let series = SchoolHolidaySimulation.series(seed: seed)
            for (index, value) in series.values.enumerated() { text += "\(series.name),\(series.start.advanced(by: index)),\(Int(value))\n" }
        }
        try run.write("holidays.csv", text)
        try await Self.forecast([
            run.path("holidays.csv"), "--model", "auto", "--calendar", "england", "--horizon", "3",
            "--output", run.path("with.csv"), "--notes", run.path("with-notes.csv"),
        ])
        try await Self.forecast([
            run.path("holidays.csv"), "--model", "auto", "--horizon", "3",
            "--output", run.path("without.csv"), "--notes", run.path("without-notes.csv"),
        ])
        #expect(try run.read("with-notes.csv").components(separatedBy: "auto chose glm:").count == 3)
        #expect(try run.read("with.csv").components(separatedBy: "\"GLM(").count == 7)
        #expect(!(try run.read("without-notes.csv")).contains("glm"))
        #expect(!(try run.read("without.csv")).contains("GLM("))
    }

    @Test func modelsListsGLMAndSaysWhatAutoDoesWithACalendar() throws {
        let run = try CommandRun()
        try run.run(["models", "--output", run.path("models.csv")])
        let text = try run.read("models.csv")
        #expect(text.contains("\nglm,\"calendar-aware GLM"))
        #expect(text.contains("with --calendar england, per series whichever of that ensemble and the calendar GLM (glm)"))
    }

    @Test(arguments: [
        ["--model", "glm:weekly"], ["--model", "glm", "--calendar", "none", "--term-dates", "x.csv"], ["--model", "glm:negbin,poisson"],
    ])
    func badGLMUsageIsRejected(arguments: [String]) {
        #expect(throws: (any Error).self) {
            let command = try ForecastCommand.parse([Self.cafcass, "--horizon", "3"] + arguments)
            try command.validate()
        }
    }
}
