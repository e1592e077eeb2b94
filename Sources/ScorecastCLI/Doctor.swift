import ArgumentParser
import ScorecastNumerics

/// `scorecast doctor`: shows which BLAS and LAPACK the process really uses, and times a
/// square `dgemm` so a slow reference BLAS cannot pass for OpenBLAS.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the BLAS and LAPACK in use and time a 1000×1000 dgemm.",
        discussion: """
            Writes CSV (check,value) to standard output: the shared objects that provide \
            cblas_dgemm, dgels_ and LAPACKE_dgels, OpenBLAS's configuration and thread count, and \
            the best of three timings of an n×n matrix product, and where the bundled data \
            (DfE files, neighbour groups) was found: data_directory and data_found_by \
            (SCORECAST_DATA, install, checkout, working directory or none). Exits with status 1 \
            when the BLAS in use is not OpenBLAS.
            Exit status: \(ExitStatus.summary)
            """
    )

    @Option(help: "Order n of the square matrices multiplied.")
    var order: Int = 1000

    func validate() throws {
        guard order >= 1 && order <= 8000 else { throw ValidationError("--order must be between 1 and 8000") }
    }

    func run() throws {
        var generator = Xoshiro256StarStar(seed: 20_261_127)
        let count = order * order
        let a = Matrix(rows: order, columns: order, columnMajor: (0..<count).map { _ in Double.random(in: -1...1, using: &generator) })
        let b = Matrix(rows: order, columns: order, columnMajor: (0..<count).map { _ in Double.random(in: -1...1, using: &generator) })
        var product = a * b  // warm-up: thread pool start-up and page faults
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        for _ in 0..<3 {
            let elapsed = clock.measure { product = a * b }
            best = min(best, elapsed)
        }
        // One element checked against its definition, so the timing is of a correct product.
        var check = 0.0
        for k in 0..<order { check += a[order - 1, k] * b[k, 0] }
        let error = abs(product[order - 1, 0] - check)
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
        let gigaflops = 2 * Double(order) * Double(order) * Double(order) / seconds / 1e9

        let rows: [(String, String)] = [
            ("blas_library", LinkedLibraries.blasPath ?? "unknown"),
            ("lapack_library", LinkedLibraries.lapackPath ?? "unknown"),
            ("lapacke_library", LinkedLibraries.lapackePath ?? "unknown"),
            ("openblas_config", LinkedLibraries.openBLASConfiguration),
            ("openblas_threads", String(LinkedLibraries.openBLASThreads)),
            ("blas_is_openblas", String(LinkedLibraries.blasIsOpenBLAS)),
            ("dgemm_order", String(order)),
            ("dgemm_seconds", String(seconds)),
            ("dgemm_gflops", String(gigaflops)),
            ("dgemm_element_error", String(error)),
            ("data_directory", BundledData.current?.directory ?? "not found"),
            ("data_found_by", BundledData.current?.foundBy ?? "none"),
        ]
        var output = "check,value\n"
        for (check, value) in rows { output += "\(check),\(Self.csvField(value))\n" }
        print(output, terminator: "")
        if !LinkedLibraries.blasIsOpenBLAS {
            printToStandardError(
                "scorecast doctor: BLAS calls resolve to \(LinkedLibraries.blasPath ?? "an unknown library"), not OpenBLAS; run `sudo update-alternatives --config libblas.so.3-x86_64-linux-gnu`"
            )
            throw ExitCode(1)
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

private func printToStandardError(_ message: String) {
    let line = message + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}

#if canImport(Glibc)
    import Glibc
#endif
