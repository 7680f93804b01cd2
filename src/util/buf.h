/* Growable byte buffer, always NUL-terminated. */
#ifndef CSPR_BUF_H
#define CSPR_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until first write */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Makes room for extra more bytes (the NUL's included); the slow path
 * of the writers below. */
void	 buf_reserve(struct buf *b, size_t extra);

/*
 * The writers are inline: the renderers make tens of millions of
 * calls, most with a literal whose length and copy the compiler then
 * works out in place.
 */
static inline void
buf_put(struct buf *b, const char *s, size_t n)
{
	if (b->data == NULL || b->len + n + 1 >= b->cap)
		buf_reserve(b, n + 1);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static inline void
buf_putc(struct buf *b, char c)
{
	if (b->data == NULL || b->len + 2 >= b->cap)
		buf_reserve(b, 2);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void	 buf_reset(struct buf *b);
/* Returns the string (never NULL) and leaves b empty; caller frees. */
char	*buf_detach(struct buf *b);
void	 buf_free(struct buf *b);
/* Reads a whole file; 0 on success, -1 with errno set. */
int	 buf_read_file(struct buf *b, const char *path, size_t max);
/* The same for untrusted input: only a regular file, never through a
 * symbolic link (ELOOP), never a device or pipe (EINVAL), refused
 * before reading if over max (EFBIG). */
int	 buf_read_regular(struct buf *b, const char *path, size_t max);

#endif
