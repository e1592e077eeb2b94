/// The exit statuses every `scorecast` command uses, from `sysexits(3)`, in one place for
/// `--help` (each command's discussion ends with ``summary``) and the README.
enum ExitStatus {
    /// `0 success; 64 usage...`, one sentence per status.
    static let summary =
        "0 success; 64 usage error (a bad option or value, e.g. --horizon 0 or beyond its maximum); 65 bad data, reported as FILE:LINE:COLUMN: what was expected; 66 an input cannot be opened or read; 73 an output cannot be written (including a read-only file, which is left as it was). doctor exits 1 when the BLAS in use is not OpenBLAS."
}
