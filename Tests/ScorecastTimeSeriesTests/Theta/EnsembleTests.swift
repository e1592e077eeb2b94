import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

@Suite("Ensemble")
struct EnsembleTests {
    static let series = TimeSeries(
        name: "s", start: Period(year: 2019, month: 1),
        values: (0..<48).map { (index: Int) -> Double in
            let trend: Double = 20 + 0.5 * Double(index)
            return trend + Double((index * 7) % 5)
        })
    static let members = [AnyForecastModelSpec(Naive()), AnyForecastModelSpec(Drift()), AnyForecastModelSpec(MeanForecast())]

    @Test(arguments: Ensemble.Combination.allCases)
    func combinesMembersStepByStep(combination: Ensemble.Combination) throws {
        let ensemble = try Ensemble(members: Self.members, combination: combination).fit(Self.series)
        let forecast = ensemble.forecast(horizon: 6, levels: [80, 95])
        let parts = try Self.members.map { try $0.fit(Self.series).forecast(horizon: 6, levels: [80, 95]) }
        for step in 0..<6 {
            let values = parts.map { $0.mean[step] }
            let expected = combination == .mean ? values.reduce(0, +) / 3 : values.sorted()[1]
            #expect(abs(forecast.mean[step] - expected) < 1e-12)
            let lowers = parts.map { $0.intervals[1].lower[step] }
            let expectedLower = combination == .mean ? lowers.reduce(0, +) / 3 : lowers.sorted()[1]
            #expect(abs(forecast.intervals[1].lower[step] - expectedLower) < 1e-12)
        }
        #expect(forecast.start == Self.series.end.advanced(by: 1))
    }

    @Test func medianOfAnEvenNumberAveragesTheMiddlePair() {
        #expect(Ensemble.Combination.median.combine([4, 1, 3, 2]) == 2.5)
        #expect(Ensemble.Combination.median.combine([5]) == 5)
        #expect(Ensemble.Combination.mean.combine([1, 2, 6]) == 3)
    }

    /// A member that cannot fit is left out and named; the ensemble fails only if none fits.
    @Test func leavesOutMembersThatCannotFit() throws {
        let short = TimeSeries(name: "short", start: Period(year: 2020, month: 1), values: [5, 6, 7])
        let ensemble = Ensemble(members: [AnyForecastModelSpec(ThetaModel(.dynamicOptimised)), AnyForecastModelSpec(Naive())])
        let fit = try ensemble.fit(short)
        #expect(fit.members.count == 1)
        #expect(fit.notes.contains { note in note.contains("theta:dotm") })
        let onlyTheta = Ensemble(members: [AnyForecastModelSpec(ThetaModel(.dynamicOptimised))])
        #expect(throws: TimeSeriesError.self) { _ = try onlyTheta.fit(short) }
    }

    /// A member that stands naive in for itself (the catalogue's fallback) is left out while
    /// another member fits; when every member falls back, their mean is the forecast.
    @Test func leavesOutMembersThatFellBack() throws {
        let short = TimeSeries(name: "short", start: Period(year: 2020, month: 1), values: [5, 6, 7, 9, 8])
        let ets = AnyForecastModelSpec.fallingBackToNaive(ETS())
        let fit = try Ensemble(members: [ets, AnyForecastModelSpec(Drift())]).fit(short)
        #expect(fit.description == "mean(drift)")
        #expect(fit.notes.contains { $0.hasPrefix("left out of the ensemble: ets:") && $0.hasSuffix("fell back to naive") })
        let shorter = TimeSeries(name: "shorter", start: Period(year: 2020, month: 1), values: [5, 6, 7])
        let allFellBack = try Ensemble(members: [ets, .fallingBackToNaive(ThetaModel(.dynamicOptimised))]).fit(shorter)
        #expect(allFellBack.description == "mean(naive (fallback), naive (fallback))")
        #expect(allFellBack.forecast(horizon: 1, levels: []).mean == [7])
    }

    /// Counts are never forecast negative: a falling non-negative series is floored at zero.
    @Test func nonNegativeDataAreNeverForecastNegative() throws {
        let falling = TimeSeries(name: "falling", start: Period(year: 2020, month: 1), values: (0..<30).map { 60 - 2 * Double($0) })
        let forecast = try Ensemble(members: [AnyForecastModelSpec(Drift()), AnyForecastModelSpec(ThetaModel(.optimised))], combination: .mean)
            .fit(falling).forecast(horizon: 24, levels: [95])
        #expect(forecast.mean.allSatisfy { value in value >= 0 })
        #expect(forecast.intervals[0].lower.allSatisfy { value in value >= 0 })
        #expect(forecast.mean.last == 0)
    }
}

@Suite("Model names")
struct ThetaAndEnsembleNamesTests {
    @Test(arguments: [("thetaf", "theta:thetaf"), ("stm", "theta:stm"), ("otm", "theta:otm"), ("dstm", "theta:dstm"), ("DOTM", "theta:dotm")])
    func thetaOptionsNameOneModel(option: String, name: String) throws {
        #expect(try ThetaFamily.spec(option: option).name == name)
    }

    @Test func thetaWithoutOptionChoosesAmongTheDynamicAndStandardModels() throws {
        let spec = try ThetaFamily.spec(option: nil)
        #expect(spec.name == "theta")
        let series = TimeSeries(name: "s", start: Period(year: 2018, month: 1), values: EnsembleTests.series.values + EnsembleTests.series.values)
        let fit = try spec.fit(series)
        #expect(fit.notes.contains { note in note.contains("auto chose theta:") && !note.contains("theta:otm") })
        #expect(throws: ModelCatalogueError.self) { _ = try ThetaFamily.spec(option: "fast") }
    }

    @Test func ensembleOptions() throws {
        let catalogue = ModelCatalogue.standard
        let defaultMembers = try Ensemble.spec(options: "mean:naive+drift+theta:dotm", catalogue: catalogue)
        #expect(defaultMembers.combination == .mean)
        #expect(defaultMembers.members.map(\.name) == ["naive", "drift", "theta:dotm"])
        #expect(try Ensemble.spec(options: "median:naive+drift", catalogue: catalogue).combination == .median)
        #expect(throws: ModelCatalogueError.self) { _ = try Ensemble.spec(options: "mode", catalogue: catalogue) }
        #expect(throws: ModelCatalogueError.self) { _ = try Ensemble.spec(options: "mean:naive+auto", catalogue: catalogue) }
        #expect(throws: ModelCatalogueError.self) { _ = try Ensemble.spec(options: "mean:naive+unknown", catalogue: catalogue) }
    }
}
