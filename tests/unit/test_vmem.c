/* Unit tests: arrays and buffers keep every byte as they grow into mapped memory and out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/vmem.h"

/* An array grown one element at a time from nothing to 24 MiB, well
 * past VMEM_MIN and through several moves: every element kept. */
static void
test_grow_keeps(void **state)
{
	uint32_t *v = NULL;
	size_t cap = 0, n, i, want = 6u * 1024 * 1024, moves = 0;
	void *last = NULL;

	(void)state;
	for (n = 0; n < want; n++) {
		v = vmem_grow(v, &cap, n, sizeof(*v));
		assert_true(n < cap);
		if ((void *)v != last) {
			/* Everything so far, whole, after each move. */
			for (i = 0; i < n; i++)
				assert_int_equal(v[i], (uint32_t)(i * 2654435761u));
			last = v;
			moves++;
		}
		v[n] = (uint32_t)(n * 2654435761u);
	}
	assert_true(cap * sizeof(*v) >= VMEM_MIN);
	assert_true(moves > 3);
	for (i = 0; i < want; i++)
		assert_int_equal(v[i], (uint32_t)(i * 2654435761u));
	vmem_free(v, cap, sizeof(*v));
}

/* Growing an array that needs no room does nothing. */
static void
test_grow_noop(void **state)
{
	char *p = NULL, *q;
	size_t cap = 0;

	(void)state;
	p = vmem_grow(p, &cap, 3 * VMEM_MIN, 1);
	assert_true(cap > 3 * VMEM_MIN);
	memset(p, 'x', cap);
	q = vmem_grow(p, &cap, cap - 1, 1);
	assert_ptr_equal(p, q);
	vmem_free(p, cap, 1);
	vmem_free(NULL, 0, 1);
}

/* A buffer written past VMEM_MIN and detached: a string free() can
 * free (run under ASan and valgrind, a wrong free is a failure). */
static void
test_buf_detach_large(void **state)
{
	struct buf b = BUF_INIT;
	char *s;
	size_t i, n = 3 * VMEM_MIN;

	(void)state;
	for (i = 0; i < n; i++)
		buf_putc(&b, (char)('a' + i % 26));
	assert_true(b.cap >= VMEM_MIN);
	s = buf_detach(&b);
	assert_null(b.data);
	assert_int_equal(strlen(s), n);
	for (i = 0; i < n; i++)
		assert_int_equal(s[i], (char)('a' + i % 26));
	free(s);
	/* And one reserved large, reset, reused, freed. */
	buf_reserve(&b, 2 * VMEM_MIN);
	buf_puts(&b, "abc");
	buf_reset(&b);
	buf_puts(&b, "de");
	assert_string_equal(b.data, "de");
	buf_free(&b);
	assert_null(b.data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_keeps),
		cmocka_unit_test(test_grow_noop),
		cmocka_unit_test(test_buf_detach_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
