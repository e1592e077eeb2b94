// Shim over the system's LAPACKE and CBLAS headers (Debian: liblapacke-dev, libopenblas-dev).
// `lapack_int` is a macro in lapack.h, which Swift does not import; the typedef below gives
// Swift a name for it. On Debian's LP64 builds it is a 32-bit int.
#ifndef SCORECAST_CLAPACK_SHIM_H
#define SCORECAST_CLAPACK_SHIM_H

#include <lapacke.h>
#include <cblas.h>

typedef lapack_int scorecast_lapack_int;

#endif
