#ifndef SWIFTNB_CBLAS_SHIM_H
#define SWIFTNB_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface (libopenblas-dev). openblas_set_num_threads is declared
// in cblas.h as shipped by OpenBLAS.
#include <cblas.h>
#endif
