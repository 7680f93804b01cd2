/* A test shim (LD_PRELOAD) that fails one kind of file operation the way a full disk or a failing device does. */
/*
 * CSPR_FAIL=fwrite|write|fsync|rename|fclose picks the call; it fails
 * from its CSPR_FAIL_AFTER+1-th use on (default: the first), on files
 * other than standard input, output and error, with ENOSPC (EIO for
 * fsync). Built and used by tests/t/faults.sh only, like jq's
 * error-injection tests; a shim's one counter is its whole point.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long calls;

static int
fail(const char *what)
{
	const char *m = getenv("CSPR_FAIL"), *after = getenv("CSPR_FAIL_AFTER");

	if (m == NULL || strcmp(m, what) != 0)
		return 0;
	return calls++ >= (after != NULL ? atol(after) : 0);
}

size_t
fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	size_t (*real)(const void *, size_t, size_t, FILE *) =
	    (size_t (*)(const void *, size_t, size_t, FILE *))dlsym(RTLD_NEXT,
	    "fwrite");

	if (fileno(f) > 2 && fail("fwrite")) {
		errno = ENOSPC;
		return 0;
	}
	return real(p, size, n, f);
}

ssize_t
write(int fd, const void *p, size_t n)
{
	ssize_t (*real)(int, const void *, size_t) =
	    (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");

	if (fd > 2 && fail("write")) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, p, n);
}

int
fsync(int fd)
{
	int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");

	if (fail("fsync")) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int
fclose(FILE *f)
{
	int (*real)(FILE *) = (int (*)(FILE *))dlsym(RTLD_NEXT, "fclose");

	if (fileno(f) > 2 && fail("fclose")) {
		real(f);
		errno = ENOSPC;
		return EOF;
	}
	return real(f);
}

int
rename(const char *from, const char *to)
{
	int (*real)(const char *, const char *) =
	    (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");

	if (fail("rename")) {
		errno = ENOSPC;
		return -1;
	}
	return real(from, to);
}
