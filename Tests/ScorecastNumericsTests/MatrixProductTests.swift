import Testing

@testable import ScorecastNumerics

@Suite("BLAS products")
struct MatrixProductTests {
    static func random(_ rows: Int, _ columns: Int, _ generator: inout Xoshiro256StarStar) -> Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
    }

    static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows { for j in 0..<b.columns { for k in 0..<a.columns { c[i, j] += a[i, k] * b[k, j] } } }
        return c
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func dgemmMatchesTheDefinition(transposingSelf: Bool, transposingOther: Bool) {
        var generator = Xoshiro256StarStar(seed: 7)
        let a = Self.random(5, 3, &generator)
        let b = Self.random(3, 4, &generator)
        let left = transposingSelf ? a.transposed : a
        let right = transposingOther ? b.transposed : b
        let product = left.multiplied(by: right, transposingSelf: transposingSelf, transposingOther: transposingOther)
        let expected = Self.naiveProduct(a, b)
        #expect(product.rows == 5 && product.columns == 4)
        for (x, y) in zip(product.elements, expected.elements) { #expect(abs(x - y) < 1e-14) }
    }

    @Test func dgemvMatchesTheDefinition() {
        var generator = Xoshiro256StarStar(seed: 8)
        let a = Self.random(6, 4, &generator)
        let x: [Double] = [1, -2, 0.5, 3]
        let y = a * x
        for i in 0..<6 {
            let expected = (0..<4).reduce(0.0) { $0 + a[i, $1] * x[$1] }
            #expect(abs(y[i] - expected) < 1e-14)
        }
        let z = a.multiplied(by: y, transposingSelf: true)
        for j in 0..<4 {
            let expected = (0..<6).reduce(0.0) { $0 + a[$1, j] * y[$1] }
            #expect(abs(z[j] - expected) < 1e-13)
        }
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let a = Matrix(rows: 2, columns: 0)
        let b = Matrix(rows: 0, columns: 3)
        #expect(a * b == Matrix(rows: 2, columns: 3))
    }
}
