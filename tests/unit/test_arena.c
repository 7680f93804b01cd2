/* Unit tests: arena_alloc hands out zeroed memory, small objects and chunk-sized ones alike, even when the heap's memory was used before. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

/* Every byte of p[0..n) is zero. */
static int
all_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

/*
 * Objects filled with 0xff, the arena freed, then made again: the heap
 * hands the same memory back (glibc does), dirty, and arena_alloc must
 * zero it. Sizes reach past the first 64 KiB chunk into mapped ones.
 */
static void
test_zeroed_after_reuse(void **state)
{
	struct arena a = ARENA_INIT;
	size_t sizes[] = { 1, 7, 24, 64, 300, 4096, 40000, 70000, 3u << 20 };
	unsigned char *p;
	size_t round, i;

	(void)state;
	for (round = 0; round < 3; round++) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			p = arena_alloc(&a, sizes[i]);
			assert_true(all_zero(p, sizes[i]));
			memset(p, 0xff, sizes[i]);
		}
		arena_free(&a);
	}
}

/* Zero-length requests get a byte of their own. */
static void
test_zero_length(void **state)
{
	struct arena a = ARENA_INIT;
	unsigned char *p, *q;

	(void)state;
	p = arena_alloc(&a, 0);
	q = arena_alloc(&a, 0);
	assert_non_null(p);
	assert_true(p != q);
	assert_int_equal(*p, 0);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zeroed_after_reuse),
		cmocka_unit_test(test_zero_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
