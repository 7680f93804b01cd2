/* Growable byte buffer, always NUL-terminated. */
#ifndef CSPR_BUF_H
#define CSPR_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until first write */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_put(struct buf *b, const char *s, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, char c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void	 buf_reset(struct buf *b);
/* Returns the string (never NULL) and leaves b empty; caller frees. */
char	*buf_detach(struct buf *b);
void	 buf_free(struct buf *b);
/* Reads a whole file; 0 on success, -1 with errno set. */
int	 buf_read_file(struct buf *b, const char *path, size_t max);

#endif
