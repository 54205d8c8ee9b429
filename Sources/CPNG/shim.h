#ifndef SWIFTNB_CPNG_SHIM_H
#define SWIFTNB_CPNG_SHIM_H
#include <png.h>
#endif
