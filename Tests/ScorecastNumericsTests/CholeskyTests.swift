import Testing

@testable import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Cholesky")
struct CholeskyTests {
    /// `A = BᵀB + n·I` for a seeded random `B`: symmetric positive definite.
    static func randomSPD(order n: Int, seed: UInt64) -> Matrix {
        var generator = Xoshiro256StarStar(seed: seed)
        let b = Matrix(rows: n, columns: n, columnMajor: (0..<(n * n)).map { _ in Double.random(in: -1...1, using: &generator) })
        var a = b.multiplied(by: b, transposingSelf: true)
        for i in 0..<n { a[i, i] += Double(n) }
        return a
    }

    @Test(arguments: [1, 3, 14, 40])
    func factorReproducesTheMatrixAndSolves(order: Int) throws {
        let a = Self.randomSPD(order: order, seed: UInt64(order))
        let cholesky = try Cholesky(a)
        let l = cholesky.factor
        let product = l.multiplied(by: l, transposingOther: true)
        for (x, y) in zip(product.elements, a.elements) { #expect(abs(x - y) <= 1e-12 * Double(order)) }
        for j in 0..<order { for i in 0..<j { #expect(l[i, j] == 0) } }

        let x = (0..<order).map { Double($0) - 2.5 }
        let b = a * x
        let solved = cholesky.solve(b)
        for (s, t) in zip(solved, x) { #expect(abs(s - t) <= 1e-11) }

        let identity = cholesky.inverse * a
        for j in 0..<order { for i in 0..<order { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) <= 1e-12) } }
    }

    /// det [[4, 2], [2, 3]] = 8.
    @Test func logDeterminant() throws {
        let cholesky = try Cholesky(Matrix(rowArrays: [[4, 2], [2, 3]]))
        #expect(abs(cholesky.logDeterminant - log(8.0)) < 1e-14)
        #expect(cholesky.factor.elements == [2, 1, 0, 2.0.squareRoot()])
    }

    @Test func notPositiveDefiniteThrowsWithTheMinor() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try Cholesky(Matrix(rowArrays: [[1, 2], [2, 1]]))
        }
    }
}
