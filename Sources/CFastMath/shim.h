#ifndef SWIFTNB_CFASTMATH_SHIM_H
#define SWIFTNB_CFASTMATH_SHIM_H
// Square roots without errno semantics, header-only. Swift's `squareRoot()` goes through
// `__builtin_sqrtf`, which under clang's default -fmath-errno (Linux) keeps a branch to
// libm's sqrtf for negative inputs, so loops calling it do not vectorise. The elementwise
// builtin is plain IEEE sqrt (NaN below 0, no errno): one `sqrtps` for eight lanes. This
// replaces the `-Xcc -fno-math-errno` unsafe flag, which SwiftPM refuses in a dependency.

/// Eight Float32 lanes; Swift imports it as SIMD8<Float>.
typedef float swiftnb_float8 __attribute__((ext_vector_type(8)));

#if defined(__has_builtin) && __has_builtin(__builtin_elementwise_sqrt)
static inline __attribute__((always_inline)) float swiftnb_sqrtf(float x) { return __builtin_elementwise_sqrt(x); }
static inline __attribute__((always_inline)) swiftnb_float8 swiftnb_sqrt8(swiftnb_float8 x) { return __builtin_elementwise_sqrt(x); }
#else
static inline float swiftnb_sqrtf(float x) { return __builtin_sqrtf(x); }
static inline swiftnb_float8 swiftnb_sqrt8(swiftnb_float8 x) {
    swiftnb_float8 r;
    for (int i = 0; i < 8; i++) r[i] = __builtin_sqrtf(x[i]);
    return r;
}
#endif

#endif
