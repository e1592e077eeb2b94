import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("ETS in the model catalogue")
struct ETSCatalogueTests {
    @Test(arguments: [("ets", ETS.Combination.akaikeWeighted, nil as String?), ("ets:select", .selected, nil), ("ets:MAdM", .selected, "MAdM")])
    func namesResolve(name: String, combination: ETS.Combination, form: String?) throws {
        let spec = try ETS(options: name.split(separator: ":").dropFirst().first.map(String.init))
        #expect(spec.combination == combination)
        #expect(spec.form?.code == form)
        _ = try ModelCatalogue.standard.spec(named: name)
    }

    @Test func unknownOptionsAreRejected() {
        #expect(throws: ModelCatalogueError.self) { try ETS(options: "XYZ") }
    }

    /// Too short for any form (R's npars + 4 rule) or a single value: the catalogue's `ets`
    /// forecasts by naive and says why; the library's ETS throws.
    @Test(arguments: [[5.0], [5, 6, 5], [5, 6, 5, 6, 5, 6], [7, 7]])
    func shortSeriesFallBackToNaiveInTheCatalogue(values: [Double]) throws {
        let series = TimeSeries(name: "short", start: Period(year: 2021, month: 1), values: values)
        let fitted = try ModelCatalogue.standard.spec(named: "ets").fit(series)
        if values.count >= 2 && Set(values).count == 1 {
            // A constant series of two or more values: R's answer, SES with α = 0.99999.
            #expect(fitted.description.hasPrefix("ETS(A,N,N)"))
        } else {
            #expect(fitted.description == "naive (fallback)")
            #expect(fitted.notes.first?.hasSuffix("fell back to naive") == true)
            #expect(throws: TimeSeriesError.self) { try ETS().fit(series) }
            #expect(fitted.forecast(horizon: 1, levels: []).model == "naive (fallback)")
        }
        #expect(fitted.forecast(horizon: 2, levels: [95]).mean == [values.last!, values.last!])
    }
}
