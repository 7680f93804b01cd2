/* PNG files: the header facts both backends need before embedding one. */
#ifndef CSPR_PNG_H
#define CSPR_PNG_H

/* Reads path's PNG signature and IHDR. 0 with the size in pixels, or -1
 * (not readable, or not a PNG). */
int	png_size(const char *path, unsigned *width, unsigned *height);

#endif
