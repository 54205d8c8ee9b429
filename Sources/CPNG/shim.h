#ifndef SWIFTNB_CPNG_SHIM_H
#define SWIFTNB_CPNG_SHIM_H
#include <png.h>
#include <zlib.h>
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
    png_set_compression_mem_level(png, 9);
    png_set_compression_buffer_size(png, 1 << 18);
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

/* Raw-deflates one part of a zlib stream (no header, no checksum) into `out` (the caller
 * frees out->data). A part that is not the last ends with a sync flush, on a byte boundary,
 * so parts compressed independently concatenate into one valid stream (as pigz does).
 * Returns 1 on success. */
static inline int swiftnb_deflate_part(const unsigned char *in, size_t length, int level, int last,
                                       swiftnb_png_buffer *out) {
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    size_t cap = deflateBound(&zs, (uLong)length) + 64;
    out->data = (unsigned char *)malloc(cap);
    if (!out->data) { deflateEnd(&zs); return 0; }
    out->capacity = cap;
    zs.next_in = (Bytef *)in;
    zs.avail_in = (uInt)length;
    zs.next_out = out->data;
    zs.avail_out = (uInt)cap;
    int rc = deflate(&zs, last ? Z_FINISH : Z_SYNC_FLUSH);
    out->size = cap - zs.avail_out;
    deflateEnd(&zs);
    if (last ? rc != Z_STREAM_END : (rc != Z_OK || zs.avail_in != 0)) return 0;
    return 1;
}
#endif
