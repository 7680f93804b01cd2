/* PNG files: the signature and the image size from the IHDR chunk. */
#include "png.h"

#include <stdio.h>
#include <string.h>

int
png_size(const char *path, unsigned *width, unsigned *height)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n' };
	unsigned char h[24];
	FILE *f;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	n = fread(h, 1, sizeof(h), f);
	fclose(f);
	if (n != sizeof(h) || memcmp(h, sig, 8) != 0 ||
	    memcmp(h + 12, "IHDR", 4) != 0)
		return -1;
	*width = (unsigned)h[16] << 24 | (unsigned)h[17] << 16 |
	    (unsigned)h[18] << 8 | h[19];
	*height = (unsigned)h[20] << 24 | (unsigned)h[21] << 16 |
	    (unsigned)h[22] << 8 | h[23];
	return *width && *height && *width < 100000 && *height < 100000 ?
	    0 : -1;
}
