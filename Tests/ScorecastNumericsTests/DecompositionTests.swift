import Testing

@testable import ScorecastNumerics

@Suite("SVD, eigendecomposition, condition number")
struct DecompositionTests {
    static func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = Xoshiro256StarStar(seed: seed)
        return Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
    }

    @Test(arguments: [(6, 4), (4, 6), (5, 5), (60, 14)])
    func svdReconstructsAndIsOrthonormal(rows: Int, columns: Int) throws {
        let a = Self.random(rows, columns, seed: UInt64(rows * 31 + columns))
        let svd = try SingularValueDecomposition(a)
        let k = min(rows, columns)
        var scaledU = svd.leftSingularVectors
        for j in 0..<k { for i in 0..<rows { scaledU[i, j] *= svd.singularValues[j] } }
        let reconstructed = scaledU * svd.rightSingularVectorsTransposed
        for (x, y) in zip(reconstructed.elements, a.elements) { #expect(abs(x - y) < 1e-13) }
        let gram = svd.leftSingularVectors.multiplied(by: svd.leftSingularVectors, transposingSelf: true)
        for j in 0..<k { for i in 0..<k { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-13) } }
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(svd.rank() == k)
    }

    /// The Hilbert matrix of order 5 has 2-norm condition number 4.766072502417e5
    /// (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §28.1).
    @Test func hilbertConditionNumber() {
        var hilbert = Matrix(rows: 5, columns: 5)
        for i in 0..<5 { for j in 0..<5 { hilbert[i, j] = 1 / Double(i + j + 1) } }
        #expect(abs(hilbert.conditionNumber / 4.766072502417e5 - 1) < 1e-10)
        #expect(Matrix.identity(3).conditionNumber == 1)
        #expect(Matrix(rowArrays: [[1, 2], [2, 4]]).conditionNumber > 1e15)
    }

    @Test func rankOfACollinearMatrix() throws {
        let a = Matrix(columnArrays: [[1, 2, 3, 4], [2, 4, 6, 8], [1, 0, 1, 0]])
        #expect(try SingularValueDecomposition(a).rank() == 2)
    }

    @Test(arguments: [1, 3, 14])
    func eigendecompositionReconstructs(order n: Int) throws {
        let b = Self.random(n, n, seed: UInt64(n))
        let a = b.multiplied(by: b, transposingOther: true)  // symmetric
        let eigen = try SymmetricEigendecomposition(a)
        #expect(zip(eigen.eigenvalues, eigen.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
        for j in 0..<n {
            let v = eigen.eigenvectors.column(j)
            let av = a * v
            for i in 0..<n { #expect(abs(av[i] - eigen.eigenvalues[j] * v[i]) < 1e-12) }
        }
        let gram = eigen.eigenvectors.multiplied(by: eigen.eigenvectors, transposingSelf: true)
        for j in 0..<n { for i in 0..<n { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-13) } }
    }

    /// [[2, 1], [1, 2]] has eigenvalues 1 and 3.
    @Test func knownEigenvalues() throws {
        let eigen = try SymmetricEigendecomposition(Matrix(rowArrays: [[2, 1], [1, 2]]))
        #expect(abs(eigen.eigenvalues[0] - 1) < 1e-15 && abs(eigen.eigenvalues[1] - 3) < 1e-15)
    }
}
