import CLapack

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which BLAS and LAPACK the running process really uses.
///
/// Debian installs the reference BLAS and OpenBLAS side by side and picks `libblas.so.3` and
/// `liblapack.so.3` through update-alternatives, so what was linked is not always what runs.
/// These properties ask the dynamic linker (`dlsym` + `dladdr`) which shared object provides
/// the symbols Scorecast calls, and resolve symbolic links to the real file.
public enum LinkedLibraries {
    /// OpenBLAS's build configuration (`openblas_get_config`), e.g.
    /// `"OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"`.
    public static var openBLASConfiguration: String {
        String(cString: openblas_get_config())
    }

    /// The number of threads OpenBLAS runs its kernels on.
    public static var openBLASThreads: Int {
        Int(openblas_get_num_threads())
    }

    /// The real path of the shared object that provides `cblas_dgemm` to this process.
    public static var blasPath: String? { path(providing: "cblas_dgemm") }

    /// The real path of the shared object that provides LAPACK's `dgels_` to this process.
    public static var lapackPath: String? { path(providing: "dgels_") }

    /// The real path of the shared object that provides LAPACKE's `LAPACKE_dgels`.
    public static var lapackePath: String? { path(providing: "LAPACKE_dgels") }

    /// Whether BLAS calls go to OpenBLAS (its file path names it).
    public static var blasIsOpenBLAS: Bool {
        blasPath?.lowercased().contains("openblas") ?? false
    }

    /// The real path of the shared object defining `symbol` in this process, if any.
    ///
    /// Looks the symbol up with `dlsym` and finds the file mapped at its address in
    /// `/proc/self/maps` (Linux); `nil` elsewhere or when the symbol is not loaded.
    public static func path(providing symbol: String) -> String? {
        #if os(Linux)
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) else { return nil }
            let target = UInt(bitPattern: address)
            guard let maps = fopen("/proc/self/maps", "r") else { return nil }
            defer { fclose(maps) }
            var line: UnsafeMutablePointer<CChar>? = nil
            var capacity = 0
            defer { free(line) }
            while getline(&line, &capacity, maps) > 0, let line {
                // "start-end perms offset device inode   path"
                let fields = String(cString: line).split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 6 else { continue }
                let range = fields[0].split(separator: "-")
                guard range.count == 2, let low = UInt(range[0], radix: 16), let high = UInt(range[1], radix: 16),
                    low <= target, target < high
                else { continue }
                let name = fields[5...].joined(separator: " ").trimmingNewline()
                guard let resolved = realpath(name, nil) else { return name }
                defer { free(resolved) }
                return String(cString: resolved)
            }
            return nil
        #else
            return nil
        #endif
    }
}

extension String {
    fileprivate func trimmingNewline() -> String {
        var copy = self
        while copy.last == "\n" { copy.removeLast() }
        return copy
    }
}
