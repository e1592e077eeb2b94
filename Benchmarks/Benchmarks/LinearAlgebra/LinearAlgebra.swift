// Linear-algebra kernels: tiny least squares by LAPACK and by the hand-written Householder
// QR, the crossover between them, many responses sharing one design, and the other
// factorisations. Run: cd Benchmarks && swift package benchmark --target LinearAlgebra
import Benchmark
import ScorecastNumerics

/// A seeded random `rows × columns` design and `count` responses.
func problem(rows: Int, columns: Int, responses count: Int = 1, seed: UInt64 = 1) -> (Matrix, Matrix) {
    var generator = Xoshiro256StarStar(seed: seed)
    let design = Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
    let responses = Matrix(rows: rows, columns: count, columnMajor: (0..<(rows * count)).map { _ in Double.random(in: 0...100, using: &generator) })
    return (design, responses)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    // The typical hot path: a 60×14 seasonal regression.
    let kernels: [(String, LeastSquares.Method)] = [
        ("dgels", .qr(kernel: .lapack)),
        ("hand-written QR", .qr(kernel: .handWritten)),
        ("dgelsd (SVD)", .svd),
        ("hand-written QR + refinement", .qr(kernel: .handWritten, refinement: true)),
        ("dgeqrf + refinement", .qr(kernel: .lapack, refinement: true)),
    ]
    for (rows, columns) in [(24, 4), (60, 14), (120, 20), (240, 30), (500, 40)] {
        let (design, responses) = problem(rows: rows, columns: columns)
        let response = responses.column(0)
        for (label, method) in kernels {
            if rows != 60 && label.contains("refinement") { continue }
            Benchmark("Least squares \(rows)×\(columns) \(label)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try LeastSquares.solve(design: design, response: response, method: method))
                }
            }
        }
    }

    // 100 series sharing one 60×14 design: one call against 100 calls.
    let (sharedDesign, manyResponses) = problem(rows: 60, columns: 14, responses: 100, seed: 2)
    let separate = (0..<100).map { manyResponses.column($0) }
    for (label, method) in [("dgels", LeastSquares.Method.qr(kernel: .lapack)), ("hand-written QR", .qr(kernel: .handWritten))] {
        Benchmark("100 responses 60×14 \(label), one call") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try LeastSquares.solve(design: sharedDesign, responses: manyResponses, method: method))
            }
        }
        Benchmark("100 responses 60×14 \(label), one call each") { benchmark in
            for _ in benchmark.scaledIterations {
                for response in separate {
                    blackHole(try LeastSquares.solve(design: sharedDesign, response: response, method: method))
                }
            }
        }
    }

    let (square, _) = problem(rows: 200, columns: 200, seed: 3)
    Benchmark("dgemm 200×200") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(square * square) }
    }
    let (tall, _) = problem(rows: 60, columns: 14, seed: 4)
    let gram = tall.multiplied(by: tall, transposingSelf: true)
    Benchmark("Cholesky 14×14 factor + solve") { benchmark in
        let rightHandSide = [Double](repeating: 1, count: 14)
        for _ in benchmark.scaledIterations { blackHole(try Cholesky(gram).solve(rightHandSide)) }
    }
    Benchmark("SVD 60×14 (dgesdd)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SingularValueDecomposition(tall)) }
    }
    Benchmark("Symmetric eigendecomposition 14×14 (dsyevr)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SymmetricEigendecomposition(gram)) }
    }
}
