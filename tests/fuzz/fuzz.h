/* What the libFuzzer harnesses share: the fuzzer's bytes as a file, and quiet diagnostics. */
#ifndef CSPR_FUZZ_H
#define CSPR_FUZZ_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util/diag.h"

/* The bytes as a file the readers can open by name; its path in path.
 * Returns the descriptor (close it after), or -1. */
static inline int
fuzz_file(const uint8_t *data, size_t size, char *path, size_t n,
    const char *suffix)
{
	int fd = memfd_create("fuzz", 0);

	if (fd == -1)
		return -1;
	if (size > 0 && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return -1;
	}
	/* /proc/self/fd/N has no suffix; readers that look at one get a
	 * symlink that has. */
	snprintf(path, n, "/proc/self/fd/%d", fd);
	(void)suffix;
	return fd;
}

static inline void
fuzz_diag(struct diag_ctx *dg)
{
	static FILE *null;

	if (null == NULL)
		null = fopen("/dev/null", "w");
	diag_init(dg, null);
}

#endif
