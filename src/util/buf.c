/* Growable byte buffer. */
#include "buf.h"
#include "alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
buf_reserve(struct buf *b, size_t extra)
{
	if (b->data != NULL && b->len + extra < b->cap)
		return;
	b->data = xgrow(b->data, &b->cap, b->len + extra, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	size_t room;
	int n;

	/* Formatted once into the room there is; again only if it was
	 * too little. */
	buf_reserve(b, 64);
	room = b->cap - b->len;
	va_copy(ap2, ap);
	n = vsnprintf(b->data + b->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n + 1);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *
buf_detach(struct buf *b)
{
	char *s;

	if (b->data == NULL)
		s = xstrdup("");
	else
		s = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
buf_read_regular(struct buf *b, const char *path, size_t max)
{
	struct stat sb;
	char chunk[65536];
	ssize_t n;
	int fd, rc = -1, e;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &sb) == -1)
		goto out;
	if (!S_ISREG(sb.st_mode)) {
		errno = EINVAL;
		goto out;
	}
	if ((unsigned long long)sb.st_size > max) {
		errno = EFBIG;
		goto out;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		if (b->len + (size_t)n > max) {
			errno = EFBIG;
			goto out;
		}
		buf_put(b, chunk, (size_t)n);
	}
	if (n < 0)
		goto out;
	if (b->data == NULL)
		buf_put(b, "", 0);
	rc = 0;
out:
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

int
buf_read_file(struct buf *b, const char *path, size_t max)
{
	FILE *f;
	char chunk[65536];
	size_t n;
	int rc = -1;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b->len + n > max) {
			errno = EFBIG;
			goto out;
		}
		buf_put(b, chunk, n);
	}
	if (ferror(f))
		goto out;
	if (b->data == NULL)
		buf_put(b, "", 0);
	rc = 0;
out:
	fclose(f);
	return rc;
}
