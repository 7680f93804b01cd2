/* Unit tests: the content hash sees every byte, however the bytes are split between calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "util/hash.h"

static void
digest(struct hash *h, char out[HASH_HEX])
{
	hash_hex(h, out);
}

/* Fed whole, or in two or three pieces at every split: the same. */
static void
test_splits(void **state)
{
	unsigned char data[40];
	char whole[HASH_HEX], part[HASH_HEX];
	struct hash h;
	size_t n, i, j, k;

	(void)state;
	for (k = 0; k < sizeof(data); k++)
		data[k] = (unsigned char)(k * 37 + 11);
	for (n = 0; n <= sizeof(data); n++) {
		hash_init(&h);
		hash_put(&h, data, n);
		digest(&h, whole);
		for (i = 0; i <= n; i++)
			for (j = i; j <= n; j++) {
				hash_init(&h);
				hash_put(&h, data, i);
				hash_put(&h, data + i, j - i);
				hash_put(&h, data + j, n - j);
				digest(&h, part);
				assert_string_equal(whole, part);
			}
	}
}

/* One byte changed anywhere, fed a byte at a time: a different hash.
 * (Bytes that filled part of a word and ended a call were once
 * dropped, so a one-character text could change unseen.) */
static void
test_every_byte_counts(void **state)
{
	unsigned char data[24];
	char a[HASH_HEX], b[HASH_HEX];
	struct hash h;
	size_t k, i;

	(void)state;
	memset(data, 'x', sizeof(data));
	hash_init(&h);
	for (i = 0; i < sizeof(data); i++)
		hash_put(&h, data + i, 1);
	digest(&h, a);
	for (k = 0; k < sizeof(data); k++) {
		data[k] = 'y';
		hash_init(&h);
		for (i = 0; i < sizeof(data); i++)
			hash_put(&h, data + i, 1);
		digest(&h, b);
		assert_string_not_equal(a, b);
		data[k] = 'x';
	}
}

/* Strings after an odd-length one, as a document's texts are fed. */
static void
test_short_strings(void **state)
{
	char a[HASH_HEX], b[HASH_HEX];
	struct hash h;

	(void)state;
	hash_init(&h);
	hash_str(&h, "abc");
	hash_str(&h, "1");
	digest(&h, a);
	hash_init(&h);
	hash_str(&h, "abc");
	hash_str(&h, "2");
	digest(&h, b);
	assert_string_not_equal(a, b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_splits),
		cmocka_unit_test(test_every_byte_counts),
		cmocka_unit_test(test_short_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
