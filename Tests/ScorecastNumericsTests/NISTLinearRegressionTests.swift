import Foundation
import Testing

@testable import ScorecastNumerics

/// The NIST Statistical Reference Datasets for linear least squares, with their certified
/// coefficients and standard errors (files in `Fixtures/NIST`, byte for byte as NIST publishes
/// them; provenance in `Fixtures/NIST/README.md`).
///
/// Accuracy is the log relative error of McCullough (1998), "Assessing the reliability of
/// statistical software: Part I", The American Statistician 52, 358–366:
/// `LRE = −log₁₀(|q − c| / |c|)`, or `−log₁₀|q − c|` when the certified value `c` is 0.
@Suite("NIST StRD linear regression")
struct NISTLinearRegressionTests {
    /// How a dataset's design matrix is built from its data columns (response first).
    enum Model: Sendable {
        /// `B0 + B1 x + … + Bd x^d` on the single predictor.
        case polynomial(degree: Int)
        /// `B1 x` on the single predictor, no intercept.
        case throughOrigin
        /// `B0 + B1 x1 + … + Bk xk` on every predictor column.
        case linear
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let model: Model
        /// Digits of agreement required (the issue: at least 7, Filip at least 6).
        let requiredDigits: Double
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Norris", model: .polynomial(degree: 1), requiredDigits: 7),
        Case(name: "Pontius", model: .polynomial(degree: 2), requiredDigits: 7),
        Case(name: "NoInt1", model: .throughOrigin, requiredDigits: 7),
        Case(name: "NoInt2", model: .throughOrigin, requiredDigits: 7),
        Case(name: "Filip", model: .polynomial(degree: 10), requiredDigits: 6),
        Case(name: "Longley", model: .linear, requiredDigits: 7),
        Case(name: "Wampler1", model: .polynomial(degree: 5), requiredDigits: 7),
        Case(name: "Wampler2", model: .polynomial(degree: 5), requiredDigits: 7),
        Case(name: "Wampler3", model: .polynomial(degree: 5), requiredDigits: 7),
        Case(name: "Wampler4", model: .polynomial(degree: 5), requiredDigits: 7),
        Case(name: "Wampler5", model: .polynomial(degree: 5), requiredDigits: 7),
    ]

    /// One NIST file: the certified values and the data.
    struct Dataset {
        var estimates: [Double] = []
        var standardErrors: [Double] = []
        var residualStandardDeviation = Double.nan
        /// Rows of the data block: response, then predictors.
        var rows: [[Double]] = []

        init(named name: String) throws {
            let url = try #require(Bundle.module.url(forResource: name, withExtension: "dat", subdirectory: "Fixtures/NIST"))
            let lines = try String(contentsOf: url, encoding: .ascii)
                .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)  // "\r\n" is one Character
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            // "Data (lines 61 to 142)" in the header gives the data block (1-based, inclusive).
            let dataHeader = try #require(lines.first { $0.hasPrefix("Data") && $0.contains("(lines") })
            let bounds = dataHeader.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            try #require(bounds.count == 2)
            for (index, line) in lines.enumerated() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if index + 1 >= bounds[0] && index + 1 <= bounds[1] {
                    rows.append(try fields.map { try #require(Double(String($0))) })
                } else if fields.count == 3, fields[0].first == "B", Int(fields[0].dropFirst()) != nil {
                    estimates.append(try #require(Double(String(fields[1]))))
                    standardErrors.append(try #require(Double(String(fields[2]))))
                } else if line.hasPrefix("Standard Deviation"), fields.count == 3, let value = Double(String(fields[2])) {
                    // "Standard Deviation   0.334801051324544E-02" under "Residual".
                    residualStandardDeviation = value
                }
            }
        }

        func design(for model: Model) -> (Matrix, [Double]) {
            let response = rows.map { $0[0] }
            let predictors = rows.map { Array($0.dropFirst()) }
            var columns: [[Double]]
            switch model {
            case .polynomial(let degree):
                let x = predictors.map { $0[0] }
                columns = [[Double](repeating: 1, count: x.count)]
                for _ in 0..<degree { columns.append(zip(columns.last!, x).map { $0 * $1 }) }
            case .throughOrigin:
                columns = [predictors.map { $0[0] }]
            case .linear:
                columns = [[Double](repeating: 1, count: rows.count)]
                for j in 0..<predictors[0].count { columns.append(predictors.map { $0[j] }) }
            }
            return (Matrix(columnArrays: columns), response)
        }
    }

    /// McCullough's log relative error, capped at 15 digits.
    static func logRelativeError(_ value: Double, certified: Double) -> Double {
        let error = certified == 0 ? abs(value) : abs(value - certified) / abs(certified)
        return error == 0 ? 15 : min(15, -log10(error))
    }

    /// Every method reaches the required digits; plain QR and SVD lose about two digits on
    /// Wampler5 (see ``plainMethodsOnWampler5``), so the full suite is asserted on refined QR.
    static let methods: [LeastSquares.Method] = [
        .qr(kernel: .lapack, refinement: true),
        .qr(kernel: .handWritten, refinement: true),
    ]

    @Test(arguments: cases, methods)
    func certifiedValuesAreReproduced(dataset testCase: Case, method: LeastSquares.Method) throws {
        let dataset = try Dataset(named: testCase.name)
        let (design, response) = dataset.design(for: testCase.model)
        #expect(design.columns == dataset.estimates.count, "the model has one column per certified parameter")
        let solution = try LeastSquares.solve(design: design, response: response, method: method)
        #expect(solution.rank == design.columns)
        for j in 0..<design.columns {
            let coefficientDigits = Self.logRelativeError(solution.coefficients[j], certified: dataset.estimates[j])
            let errorDigits = Self.logRelativeError(solution.standardErrors[j], certified: dataset.standardErrors[j])
            #expect(coefficientDigits >= testCase.requiredDigits, "B\(j): \(solution.coefficients[j]) vs \(dataset.estimates[j])")
            #expect(errorDigits >= testCase.requiredDigits, "SE(B\(j)): \(solution.standardErrors[j]) vs \(dataset.standardErrors[j])")
        }
        let sigmaDigits = Self.logRelativeError(solution.residualStandardError, certified: dataset.residualStandardDeviation)
        #expect(sigmaDigits >= testCase.requiredDigits)
    }

    /// Without refinement every dataset but Wampler5 still meets the bar, by every kernel.
    @Test(
        arguments: cases.filter { $0.name != "Wampler5" },
        [LeastSquares.Method.qr(kernel: .lapack), .qr(kernel: .handWritten), .svd])
    func plainMethodsMeetTheBar(dataset testCase: Case, method: LeastSquares.Method) throws {
        try certifiedValuesAreReproduced(dataset: testCase, method: method)
    }

    /// Wampler5 (y ≈ 1e10, κ² large, residuals large) without refinement: about 5.6 digits,
    /// the known limit of a backward-stable method in double precision (gretl's `nistcheck`
    /// makes the same exception). Asserted so a regression below that is noticed.
    @Test(arguments: [LeastSquares.Method.qr(kernel: .lapack), .qr(kernel: .handWritten), .svd])
    func plainMethodsOnWampler5(method: LeastSquares.Method) throws {
        let dataset = try Dataset(named: "Wampler5")
        let (design, response) = dataset.design(for: .polynomial(degree: 5))
        let solution = try LeastSquares.solve(design: design, response: response, method: method)
        for j in 0..<design.columns {
            #expect(Self.logRelativeError(solution.coefficients[j], certified: dataset.estimates[j]) >= 5.5)
            #expect(Self.logRelativeError(solution.standardErrors[j], certified: dataset.standardErrors[j]) >= 7)
        }
    }

    /// Prints the smallest LRE of the coefficients and of the standard errors per dataset and
    /// method (run with `--filter lreTable`); the figures in the issue note come from here.
    @Test func lreTable() throws {
        for testCase in Self.cases {
            let dataset = try Dataset(named: testCase.name)
            let (design, response) = dataset.design(for: testCase.model)
            var line = testCase.name
            let methods: [(String, LeastSquares.Method)] = [
                ("dgels", .qr(kernel: .lapack)), ("hand", .qr(kernel: .handWritten)), ("svd", .svd),
                ("dgeqrf+refine", .qr(kernel: .lapack, refinement: true)), ("hand+refine", .qr(kernel: .handWritten, refinement: true)),
            ]
            for (label, method) in methods {
                let solution = try LeastSquares.solve(design: design, response: response, method: method)
                let coefficients = (0..<design.columns).map { Self.logRelativeError(solution.coefficients[$0], certified: dataset.estimates[$0]) }
                let errors = (0..<design.columns).map { Self.logRelativeError(solution.standardErrors[$0], certified: dataset.standardErrors[$0]) }
                line += String(format: " | %@ %.1f %.1f", label, coefficients.min()!, errors.min()!)
            }
            print("NIST LRE", line)
        }
    }
}
