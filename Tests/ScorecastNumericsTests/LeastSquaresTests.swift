import Testing

@testable import ScorecastNumerics

@Suite("Least squares")
struct LeastSquaresTests {
    static let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
    static let z: [Double] = [2.5, 1, 4, 3, 7, 5, 6, 9]
    static let y: [Double] = [1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.4, 7.9]
    static let w: [Double] = [1, 2, 1, 3, 1, 2, 1, 0.5]
    static var design: Matrix { Matrix(columnArrays: [[Double](repeating: 1, count: 8), x, z]) }

    /// R 4.2.2: `summary(lm(y ~ x + z, weights = w))`, printed with 17 significant digits.
    @Test(arguments: [LeastSquares.Method.qr, .svd])
    func weightedRegressionMatchesR(method: LeastSquares.Method) throws {
        let solution = try LeastSquares.solve(design: Self.design, response: Self.y, weights: Self.w, method: method)
        let coefficients = [0.24115901999897585, 1.01923004790888805, -0.05436380065810794]
        let standardErrors = [0.186271786251800131, 0.075242274398509501, 0.069842409767829627]
        for (value, expected) in zip(solution.coefficients, coefficients) { #expect(abs(value - expected) <= 1e-13) }
        for (value, expected) in zip(solution.standardErrors, standardErrors) { #expect(abs(value - expected) <= 1e-13) }
        #expect(abs(solution.residualSumOfSquares - 0.35620906006512998) <= 1e-13)
        #expect(abs(solution.residualStandardError - 0.26691161835526378) <= 1e-13)
        #expect(solution.rank == 3)
        #expect(solution.residualDegreesOfFreedom == 5)
    }

    /// Weight 2 on a row is the same fit as that row twice; weight 0 is the row left out.
    @Test func integerWeightsEqualRepeatedRows() throws {
        let weights: [Double] = [2, 1, 1, 0, 1, 1, 1, 1]
        let weighted = try LeastSquares.solve(design: Self.design, response: Self.y, weights: weights)
        var rows: [[Double]] = []
        var response: [Double] = []
        for i in 0..<8 {
            for _ in 0..<Int(weights[i]) {
                rows.append([1, Self.x[i], Self.z[i]])
                response.append(Self.y[i])
            }
        }
        let repeated = try LeastSquares.solve(design: Matrix(rowArrays: rows), response: response)
        for (a, b) in zip(weighted.coefficients, repeated.coefficients) { #expect(abs(a - b) < 1e-13) }
        #expect(abs(weighted.residualSumOfSquares - repeated.residualSumOfSquares) < 1e-13)
        #expect(weighted.residualDegreesOfFreedom == 7 - 3)
    }

    /// Residuals are orthogonal to the columns of the design (the normal equations).
    @Test func residualsAreOrthogonalToTheDesign() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        let design = Matrix(rows: 60, columns: 14, columnMajor: (0..<840).map { _ in Double.random(in: -1...1, using: &generator) })
        let response = (0..<60).map { _ in Double.random(in: 0...10, using: &generator) }
        let solution = try LeastSquares.solve(design: design, response: response)
        let gradient = design.multiplied(by: solution.residuals, transposingSelf: true)
        for value in gradient { #expect(abs(value) < 1e-12) }
    }

    @Test func rankDeficientDesign() throws {
        // The third column is the sum of the first two.
        let design = Matrix(columnArrays: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5], [2, 3, 4, 5, 6]])
        let response: [Double] = [1, 3, 2, 5, 4]
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.solve(design: design, response: response, method: .qr) }
        let solution = try LeastSquares.solve(design: design, response: response, method: .svd)
        #expect(solution.rank == 2)
        #expect(solution.residualDegreesOfFreedom == 3)
        // The fitted line is still the least-squares line y = 0.6 + 0.8 x.
        for (i, fitted) in solution.fittedValues.enumerated() { #expect(abs(fitted - (0.6 + 0.8 * Double(i + 1))) < 1e-12) }
    }

    @Test func tooFewRowsThrows() {
        let design = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
        #expect(throws: LinearAlgebraError.underdetermined(rows: 2, columns: 3)) {
            try LeastSquares.solve(design: design, response: [1, 2])
        }
    }

    @Test func zeroColumnIsRankDeficientForQR() {
        let design = Matrix(columnArrays: [[1, 1, 1], [0, 0, 0]])
        #expect(throws: LinearAlgebraError.rankDeficient(column: 1)) {
            try LeastSquares.solve(design: design, response: [1, 2, 3])
        }
    }
}

@Suite("QR kernels")
struct QRKernelTests {
    /// The hand-written Householder loop and LAPACK give the same solution, residuals and
    /// covariance (to rounding: `100 κ ε` relative to the largest entry, `κ` the design's condition
    /// number; the residuals are large, so the `κ²ε‖r‖` term of least-squares perturbation theory counts) on random
    /// problems of the sizes the models use, weighted and unweighted.
    @Test(arguments: [(60, 14), (24, 3), (120, 20), (15, 15), (200, 1)])
    func handWrittenMatchesLAPACK(rows: Int, columns: Int) throws {
        var generator = Xoshiro256StarStar(seed: UInt64(rows * 1000 + columns))
        let design = Matrix(
            rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in Double.random(in: -3...3, using: &generator) })
        let response = (0..<rows).map { _ in Double.random(in: -5...50, using: &generator) }
        let weights = (0..<rows).map { _ in Double.random(in: 0.5...2, using: &generator) }
        let tolerance = 100 * design.conditionNumber * Double.ulpOfOne
        for weight in [nil, weights] {
            let lapack = try LeastSquares.solve(design: design, response: response, weights: weight, method: .qr(kernel: .lapack))
            let hand = try LeastSquares.solve(design: design, response: response, weights: weight, method: .qr(kernel: .handWritten))
            let svd = try LeastSquares.solve(design: design, response: response, weights: weight, method: .svd)
            for other in [hand, svd] {
                let largest = lapack.coefficients.reduce(1) { max($0, abs($1)) }
                for (a, b) in zip(lapack.coefficients, other.coefficients) { #expect(abs(a - b) <= tolerance * largest) }
                for (a, b) in zip(lapack.residuals, other.residuals) { #expect(abs(a - b) <= tolerance * 50) }  // |y| ≤ 50
                for (a, b) in zip(lapack.unscaledCovariance.elements, other.unscaledCovariance.elements) {
                    #expect(abs(a - b) <= tolerance * max(1, abs(a)))
                }
                #expect(abs(lapack.residualSumOfSquares - other.residualSumOfSquares) <= 1e-10 * max(1, lapack.residualSumOfSquares))
            }
        }
    }

    @Test func refinementChangesAWellConditionedSolutionOnlyByRounding() throws {
        var generator = Xoshiro256StarStar(seed: 99)
        let design = Matrix(rows: 60, columns: 14, columnMajor: (0..<840).map { _ in Double.random(in: -1...1, using: &generator) })
        let response = (0..<60).map { _ in Double.random(in: 0...100, using: &generator) }
        let plain = try LeastSquares.solve(design: design, response: response)
        let refined = try LeastSquares.solve(design: design, response: response, method: .qr(refinement: true))
        for (a, b) in zip(plain.coefficients, refined.coefficients) { #expect(abs(a - b) <= 1e-12 * max(1, abs(a))) }
    }

    @Test func automaticKernelFollowsTheSizeLimit() throws {
        // Both sides of the limit give the same answer; the choice only changes speed.
        let small = Matrix(columnArrays: [[1, 1, 1, 1], [1, 2, 3, 4]])
        let solution = try LeastSquares.solve(design: small, response: [2, 4, 6, 8])
        #expect(abs(solution.coefficients[0]) < 1e-14 && abs(solution.coefficients[1] - 2) < 1e-14)
        #expect(LeastSquares.handWrittenLimit >= 60 * 14)
    }
}

@Suite("Least squares with many responses")
struct BatchedLeastSquaresTests {
    @Test(arguments: [LeastSquares.Method.qr(kernel: .lapack), .qr(kernel: .handWritten), .qr(refinement: true), .svd])
    func batchEqualsOneByOne(method: LeastSquares.Method) throws {
        var generator = Xoshiro256StarStar(seed: 5)
        let design = Matrix(rows: 60, columns: 14, columnMajor: (0..<840).map { _ in Double.random(in: -1...1, using: &generator) })
        let responses = Matrix(rows: 60, columns: 7, columnMajor: (0..<420).map { _ in Double.random(in: 0...100, using: &generator) })
        let weights = (0..<60).map { _ in Double.random(in: 0.5...2, using: &generator) }
        let batch = try LeastSquares.solve(design: design, responses: responses, weights: weights, method: method)
        #expect(batch.count == 7)
        for k in 0..<7 {
            let single = try LeastSquares.solve(design: design, response: responses.column(k), weights: weights, method: method)
            for (a, b) in zip(batch[k].coefficients, single.coefficients) { #expect(abs(a - b) <= 1e-12 * max(1, abs(a))) }
            #expect(abs(batch[k].residualSumOfSquares - single.residualSumOfSquares) <= 1e-10 * single.residualSumOfSquares)
            #expect(batch[k].unscaledCovariance == single.unscaledCovariance)
        }
    }
}
