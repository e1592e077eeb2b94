// Shim over the system's zlib (Debian: zlib1g-dev), for the .xlsx reader's bounded raw
// inflate (Sources/ScorecastData/Excel/RawDeflate.swift).
//
// `inflateInit2` is a macro that passes zlib's version and the size of `z_stream`, which Swift
// does not import; the inline function below gives Swift a raw-deflate initialiser (negative
// window bits: no zlib or gzip wrapper, as ZIP stores deflate streams; zlib manual, inflateInit2).
#ifndef SCORECAST_CSYSTEMZLIB_SHIM_H
#define SCORECAST_CSYSTEMZLIB_SHIM_H

#include <zlib.h>

/// inflateInit2(stream, -MAX_WBITS): a raw deflate stream with a window of up to 32 KB.
static inline int scorecast_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
