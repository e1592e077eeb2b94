// Shim over the system's LAPACKE and CBLAS headers (Debian: liblapacke-dev, libopenblas-dev).
// `lapack_int` is a macro in lapack.h, which Swift does not import; the typedef below gives
// Swift a name for it. On Debian's LP64 builds it is a 32-bit int.
//
// `cblas.h` on Debian is OpenBLAS's (through update-alternatives); it declares
// `openblas_get_config` and `openblas_get_num_threads`, which `scorecast doctor` uses to show
// that the run-time BLAS really is OpenBLAS. The module map links `openblas` explicitly so those
// symbols resolve and `ldd` of every binary names `libopenblas`.
#ifndef SCORECAST_CLAPACK_SHIM_H
#define SCORECAST_CLAPACK_SHIM_H

#include <lapacke.h>
#include <cblas.h>

typedef lapack_int scorecast_lapack_int;

#endif
