import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("ETS in the model catalogue")
struct ETSCatalogueTests {
    @Test(arguments: [
        ("ets", ETS.Combination.akaikeWeighted, nil as String?, ETS.Estimator.fast),
        ("ets:select", .selected, nil, .fast),
        ("ets:MAdM", .selected, "MAdM", .fast),
        ("ets:like-r", .selected, nil, .likeR),
        ("ets:weighted,like-r", .akaikeWeighted, nil, .likeR),
        ("ets:MAdM,like-r", .selected, "MAdM", .likeR),
    ])
    func namesResolve(name: String, combination: ETS.Combination, form: String?, estimator: ETS.Estimator) throws {
        let spec = try ETS(options: name.split(separator: ":").dropFirst().first.map(String.init))
        #expect(spec.combination == combination)
        #expect(spec.form?.code == form)
        #expect(spec.estimator == estimator)
        #expect(spec.name == name)
        #expect(spec.maximumEvaluations == estimator.defaultMaximumEvaluations)
        _ = try ModelCatalogue.standard.spec(named: name)
    }

    @Test(arguments: ["XYZ", "select,weighted", "MAdM,ANN", "like-r,like-r", "select,MAdM", "", "like-r,"])
    func unknownOptionsAreRejected(options: String) {
        #expect(throws: ModelCatalogueError.self) { try ETS(options: options) }
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
