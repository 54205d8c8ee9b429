#ifndef SWIFTNB_CBLAS_SHIM_H
#define SWIFTNB_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface (libopenblas-dev). openblas_set_num_threads is declared
// in cblas.h as shipped by OpenBLAS.
#include <cblas.h>

// The LAPACK routines OpenBLAS exports (Fortran calling convention: every argument by
// pointer, column-major; a symmetric matrix reads the same in either order). Debian's
// libopenblas-dev ships no lapack.h, so the few we call are declared here.
/// Cholesky factorisation of a symmetric positive-definite matrix (one triangle).
void spotrf_(const char *uplo, const int *n, float *a, const int *lda, int *info);
/// The inverse of a symmetric positive-definite matrix from its Cholesky factor.
void spotri_(const char *uplo, const int *n, float *a, const int *lda, int *info);
/// Every eigenvalue (ascending) and, with jobz 'V', the eigenvectors of a symmetric
/// matrix, by divide and conquer; lwork/liwork -1 asks for the workspace sizes.
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w,
             float *work, const int *lwork, int *iwork, const int *liwork, int *info);
#endif
