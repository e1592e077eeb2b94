import Foundation
import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

/// A case written by scripts/fixtures/glm.R: data, R's coefficients and summary values.
struct GLMReferenceCase: Sendable, CustomStringConvertible {
    var name: String
    var response: [Double]
    var trials: [Double]?
    var design: Matrix
    var coefficients: [Double]
    var standardErrors: [Double]
    var summary: [String: Double]

    var description: String { name }

    static func rows(_ file: String) throws -> (header: [String], rows: [[String]]) {
        let url = try #require(Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "Fixtures/glm"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    init(_ name: String) throws {
        self.name = name
        let data = try Self.rows("glm-\(name)-data")
        let hasTrials = data.header.count > 1 && data.header[1] == "trials"
        let firstColumn = hasTrials ? 2 : 1
        let values = try data.rows.map { try $0.map { try #require(Double($0)) } }
        response = values.map { $0[0] }
        trials = hasTrials ? values.map { $0[1] } : nil
        design = Matrix(rowArrays: values.map { Array($0[firstColumn...]) })
        let coefficientRows = try Self.rows("glm-\(name)-coefficients").rows
        coefficients = try coefficientRows.map { try #require(Double($0[1])) }
        standardErrors = try coefficientRows.map { try #require(Double($0[2])) }
        summary = Dictionary(uniqueKeysWithValues: try Self.rows("glm-\(name)-summary").rows.map { ($0[0], try #require(Double($0[1]))) })
    }
}

/// |a − b| ≤ 1e-6 · max(|b|, scale): relative to the reference, or to `scale` (a standard
/// error) for coefficients that are zero up to rounding (Dobson's treatment effects are 1e-16).
func agrees(_ actual: Double, _ expected: Double, scale: Double = 0, tolerance: Double = 1e-6) -> Bool {
    if expected.isNaN { return actual.isNaN }
    return abs(actual - expected) <= tolerance * max(abs(expected), scale)
}

@Suite struct GLMReferenceTests {
    static let glmCases: [(String, GLMFamily)] = [
        ("poisson-dobson", .poisson), ("poisson-monthly", .poisson), ("binomial-monthly", .binomial),
        ("quasibinomial-monthly", .quasiBinomial), ("gaussian-monthly", .gaussian),
    ]

    @Test(arguments: glmCases)
    func matchesRGLM(name: String, family: GLMFamily) throws {
        let reference = try GLMReferenceCase(name)
        let fit = try GeneralizedLinearModel.fit(design: reference.design, response: reference.response, trials: reference.trials, family: family)
        for j in reference.coefficients.indices {
            #expect(
                agrees(fit.coefficients[j], reference.coefficients[j], scale: reference.standardErrors[j]),
                "\(name) coefficient \(j): \(fit.coefficients[j]) vs \(reference.coefficients[j])")
            #expect(
                agrees(fit.standardErrors[j], reference.standardErrors[j]),
                "\(name) standard error \(j): \(fit.standardErrors[j]) vs \(reference.standardErrors[j])")
        }
        #expect(agrees(fit.deviance, reference.summary["deviance"]!), "\(name) deviance \(fit.deviance)")
        #expect(agrees(fit.nullDeviance, reference.summary["null_deviance"]!), "\(name) null deviance")
        #expect(agrees(fit.dispersion, reference.summary["dispersion"]!), "\(name) dispersion \(fit.dispersion)")
        #expect(agrees(fit.aic, reference.summary["aic"]!), "\(name) AIC \(fit.aic) vs \(reference.summary["aic"]!)")
        #expect(agrees(fit.logLikelihood, reference.summary["loglik"]!), "\(name) log-likelihood")
        #expect(fit.residualDegreesOfFreedom == Int(reference.summary["df_residual"]!))
    }

    @Test(arguments: ["negbin-quine", "negbin-monthly"])
    func matchesMASSGlmNB(name: String) throws {
        let reference = try GLMReferenceCase(name)
        let fit = try GeneralizedLinearModel.fitNegativeBinomial(design: reference.design, response: reference.response)
        #expect(agrees(fit.theta, reference.summary["theta"]!), "\(name) theta \(fit.theta) vs \(reference.summary["theta"]!)")
        #expect(agrees(fit.thetaStandardError, reference.summary["theta_se"]!), "\(name) theta SE \(fit.thetaStandardError)")
        // glm.nb's own SE.theta is evaluated one Newton step (|step| ≤ 1.2e-4) before the estimate.
        #expect(agrees(fit.thetaStandardError, reference.summary["theta_se_mass"]!, tolerance: 1e-4))
        for j in reference.coefficients.indices {
            #expect(agrees(fit.glm.coefficients[j], reference.coefficients[j], scale: reference.standardErrors[j]), "\(name) coefficient \(j)")
            #expect(agrees(fit.glm.standardErrors[j], reference.standardErrors[j]), "\(name) standard error \(j)")
        }
        #expect(agrees(fit.glm.deviance, reference.summary["deviance"]!), "\(name) deviance \(fit.glm.deviance)")
        #expect(agrees(fit.aic, reference.summary["aic"]!), "\(name) AIC \(fit.aic) vs \(reference.summary["aic"]!)")
        #expect(agrees(fit.logLikelihood, reference.summary["loglik"]!), "\(name) log-likelihood")
    }

    @Test func rejectsNegativeCountsAndImpossibleProportions() {
        let design = Matrix(rowArrays: [[1], [1], [1]])
        #expect(throws: GLMError.invalidResponse(row: 1, reason: "a count must not be negative")) {
            try GeneralizedLinearModel.fit(design: design, response: [1, -1, 2], family: .poisson)
        }
        #expect(throws: GLMError.self) {
            try GeneralizedLinearModel.fit(design: design, response: [1, 5, 2], trials: [3, 3, 3], family: .binomial)
        }
    }
}

@Suite struct PolygammaTests {
    // R 4.2: digamma(x), trigamma(x).
    @Test(arguments: [
        (0.001, -1000.5755719318104, 1000001.6425331959),
        (0.5, -1.9635100260214231, 4.934802200544679),
        (1, -0.57721566490153231, 1.6449340668482264),
        (2.5, 0.70315664064524341, 0.49035775610023491),
        (7.3, 1.9178203356379862, 0.14679576813142711),
        (10, 2.2517525890667214, 0.10516633568168572),
        (33.3, 3.4904672385202429, 0.030485444095338887),
        (1234.5, 7.1180162318279976, 0.00081037272712696667),
        (1000000, 13.81551005796419, 1.0000005000001672e-06),
    ])
    func matchesR(x: Double, digamma: Double, trigamma: Double) {
        #expect(abs(SpecialFunctions.digamma(x) - digamma) <= 1e-14 * max(1, abs(digamma)))
        #expect(abs(SpecialFunctions.trigamma(x) - trigamma) <= 1e-14 * trigamma)
    }
}
