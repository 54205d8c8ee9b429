#ifndef SWIFTNB_CPNG_SHIM_H
#define SWIFTNB_CPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* A growable byte buffer that libpng writes into. */
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
    int failed;
} swiftnb_png_buffer;

static inline void swiftnb_png_write_cb(png_structp png, png_bytep bytes, png_size_t length) {
    swiftnb_png_buffer *buf = (swiftnb_png_buffer *)png_get_io_ptr(png);
    if (buf->failed) return;
    if (buf->size + length > buf->capacity) {
        size_t cap = buf->capacity ? buf->capacity : 65536;
        while (cap < buf->size + length) cap *= 2;
        unsigned char *grown = (unsigned char *)realloc(buf->data, cap);
        if (!grown) { buf->failed = 1; png_error(png, "out of memory"); return; }
        buf->data = grown;
        buf->capacity = cap;
    }
    memcpy(buf->data + buf->size, bytes, length);
    buf->size += length;
}

static inline void swiftnb_png_flush_cb(png_structp png) { (void)png; }

/* Encodes rows of Cairo's native-endian ARGB32 pixels (opaque) as 8-bit RGB into `out`
 * (the caller frees out->data); `stride` is the byte distance between rows.
 * `level` is the zlib level (0-9); `filters` a PNG_FILTER_* mask; `strategy` a zlib Z_* strategy. Returns 1 on success.
 * libpng reports errors by longjmp, which Swift cannot catch, hence this C helper. */
static inline int swiftnb_png_encode_xrgb(const unsigned char *pixels, int width, int height, int stride, int level,
                                         int filters, int strategy, swiftnb_png_buffer *out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return 0;
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_write_struct(&png, NULL); return 0; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return 0;
    }
    png_set_write_fn(png, out, swiftnb_png_write_cb, swiftnb_png_flush_cb);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_compression_strategy(png, strategy);
    png_write_info(png, info);
    /* Little-endian ARGB32 is B,G,R,A in memory: swap to RGB and drop the 4th byte. */
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    for (int y = 0; y < height; y++) {
        png_write_row(png, (png_const_bytep)(pixels + (size_t)y * (size_t)stride));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return out->failed ? 0 : 1;
}
#endif
