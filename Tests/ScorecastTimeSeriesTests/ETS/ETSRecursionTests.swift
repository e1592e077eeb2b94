import Foundation
import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("ETS recursion and likelihood")
struct ETSRecursionTests {
    /// With R's estimates plugged in, the filter reproduces R's log-likelihood and criteria.
    @Test func reproducesRLikelihoodAtRParameters() {
        for model in ETSFixtures.models {
            let fitted = ETSFixtures.fittedWithReference(model)
            #expect(abs(fitted.logLikelihood - model.logLikelihood) <= 1e-7 * abs(model.logLikelihood) + 1e-7, "\(model.series)")
            #expect(abs(fitted.aicc - model.aicc) <= 1e-7 * abs(model.aicc) + 1e-7, "\(model.series)")
            #expect(abs(fitted.bic - model.bic) <= 1e-7 * abs(model.bic) + 1e-7, "\(model.series)")
            #expect(abs(fitted.variance - model.variance) <= 1e-7 * model.variance, "\(model.series)")
        }
    }

    /// A missing value moves the state on by its own dynamics: the same as observing the
    /// one-step forecast, except that the error and the count skip it.
    @Test(arguments: ["ANN", "AAdA", "MAM", "MNM"])
    func missingValuesPropagateTheState(code: String) throws {
        let form = try #require(ETS.Form(code: code))
        let base = ETSFixtures.series.values.first!
        var values = base.values
        let parameters = ETS.Parameters(
            alpha: 0.3, beta: form.trend == .none ? 0 : 0.05,
            gamma: form.season == .none ? 0 : 0.1, phi: form.damped ? 0.9 : 1)
        let m = form.season == .none ? 0 : 12
        let seasonal = [Double](repeating: form.season == .multiplicative ? 1 : 0, count: m)
        func run(_ values: [Double]) -> (ETSRecursionTotals, [Double]) {
            var ring = seasonal
            var fitted = [Double](repeating: 0, count: values.count)
            let totals = values.withUnsafeBufferPointer { v in
                ring.withUnsafeMutableBufferPointer { r in
                    fitted.withUnsafeMutableBufferPointer { f in
                        ETSRecursion.run(
                            values: v, form: form, parameters: parameters, level: values[0], trend: 0,
                            seasonal: r, fitted: f.baseAddress)
                    }
                }
            }
            return (totals, fitted)
        }
        let (_, fittedFull) = run(values)
        values[20] = .nan
        let (withGap, fittedGap) = run(values)
        var filled = values
        filled[20] = fittedGap[20]
        let (withForecast, fittedFilled) = run(filled)
        #expect(withGap.observedCount == values.count - 1)
        #expect(fittedGap == fittedFilled)
        #expect(abs(withGap.level - withForecast.level) <= 1e-12 * abs(withForecast.level))
        #expect(fittedFull[0..<21] == fittedGap[0..<21])
    }
}
