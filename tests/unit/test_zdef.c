/* Unit tests: what zdef deflates inflates back to the bytes given, whole or in pieces, compressible or not, and its CRC-32 is zip's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <isa-l/igzip_lib.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/zdef.h"

/* Inflates in[0..n) (zlib format if zlib, else raw) into a new buffer
 * of *outn bytes; fails the test if the stream is bad or its checksum
 * wrong. */
static unsigned char *
inflate_all(const void *in, size_t n, int zlib, size_t want, size_t *outn)
{
	struct inflate_state st;
	unsigned char *out = malloc(want + 64);

	assert_non_null(out);
	isal_inflate_init(&st);
	st.crc_flag = zlib ? ISAL_ZLIB : 0;
	st.next_in = (uint8_t *)(uintptr_t)in;
	st.avail_in = (uint32_t)n;
	st.next_out = out;
	st.avail_out = (uint32_t)(want + 64);
	assert_int_equal(isal_inflate(&st), ISAL_DECOMP_OK);
	assert_int_equal(st.block_state, ISAL_BLOCK_FINISH);
	assert_int_equal(st.avail_in, 0);
	*outn = st.total_out;
	return out;
}

/* Text like a page's content stream, or bytes that do not compress. */
static unsigned char *
sample(size_t n, int random)
{
	unsigned char *p = malloc(n + 1);
	uint32_t x = 2463534242u;
	size_t i;

	assert_non_null(p);
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = random ? (unsigned char)x :
		    (unsigned char)"0 0 Td (Home visit) Tj\n"[i % 23];
	}
	return p;
}

static void
round_trip_zlib(size_t n, int random)
{
	struct zdef *z = zdef_new();
	struct buf out = BUF_INIT;
	unsigned char *in = sample(n, random), *back;
	size_t m;

	zdef_zlib(z, &out, in, n);
	/* The zlib header: deflate, 32 KiB window, check bits right. */
	assert_true(out.len >= 6);
	assert_int_equal((unsigned char)out.data[0] & 0x0f, 8);
	assert_int_equal((((unsigned char)out.data[0] << 8) |
	    (unsigned char)out.data[1]) % 31, 0);
	if (random)	/* stored, not expanded beyond the bound */
		assert_true(out.len <= n + 5 * (n / 65535 + 1) + 6 + 328);
	else if (n > 1000)
		assert_true(out.len < n / 10);
	back = inflate_all(out.data, out.len, 1, n, &m);
	assert_int_equal(m, n);
	assert_memory_equal(back, in, n);
	/* The same compressor again gives the same bytes. */
	{
		struct buf again = BUF_INIT;

		zdef_zlib(z, &again, in, n);
		assert_int_equal(again.len, out.len);
		assert_memory_equal(again.data, out.data, out.len);
		buf_free(&again);
	}
	free(back);
	free(in);
	buf_free(&out);
	zdef_free(z);
}

static void
test_zlib(void **state)
{
	(void)state;
	round_trip_zlib(0, 0);
	round_trip_zlib(1, 0);
	round_trip_zlib(5000, 0);
	round_trip_zlib(3 << 20, 0);
	round_trip_zlib(1, 1);
	round_trip_zlib(70000, 1);
	round_trip_zlib(1 << 20, 1);
}

/* A raw stream fed in pieces of every size inflates to the whole. */
static void
test_raw_pieces(void **state)
{
	static const size_t steps[] = { 1, 7, 4096, 65535, 65536, 300000 };
	size_t n = 2u << 20, s, at, take, m;
	unsigned char *in, *back;
	int random;

	(void)state;
	for (random = 0; random <= 1; random++) {
		in = sample(n, random);
		for (s = 0; s < sizeof(steps) / sizeof(steps[0]); s++) {
			struct zdef *z = zdef_new();
			struct buf out = BUF_INIT;

			zdef_raw_begin(z);
			for (at = 0; at < n; at += take) {
				take = n - at < steps[s] ? n - at : steps[s];
				zdef_raw(z, &out, in + at, take, 0);
			}
			zdef_raw(z, &out, "", 0, 1);
			back = inflate_all(out.data, out.len, 0, n, &m);
			assert_int_equal(m, n);
			assert_memory_equal(back, in, n);
			free(back);
			buf_free(&out);
			zdef_free(z);
		}
		free(in);
	}
}

/*
 * A compressor made in memory that held something else deflates as a
 * zeroed stream does. ISA-L 2.30's stateless init leaves the window
 * size field as it finds it, and a 4 there is a 16-byte window: the
 * publication build's PDF once came out 8% larger one run in many.
 * (glibc's mallopt and reuse of freed memory are what the test sets
 * up.)
 */
static void
test_reused_memory(void **state)
{
	static uint8_t lvl[ISAL_DEF_LVL1_DEFAULT];
	struct isal_zstream ref;
	struct zdef *z;
	struct buf out = BUF_INIT;
	unsigned char *in = sample(200000, 0), *want;
	volatile uint16_t *junk;	/* stores the compiler must keep */
	size_t i, n = 4u << 20;

	(void)state;
	/* What level 1 makes of the input with a zeroed stream. */
	want = malloc(300000);
	assert_non_null(want);
	memset(&ref, 0, sizeof(ref));
	isal_deflate_stateless_init(&ref);
	ref.level = 1;
	ref.level_buf = lvl;
	ref.level_buf_size = sizeof(lvl);
	ref.gzip_flag = IGZIP_ZLIB;
	ref.next_in = in;
	ref.avail_in = 200000;
	ref.end_of_stream = 1;
	ref.next_out = want;
	ref.avail_out = 300000;
	assert_int_equal(isal_deflate_stateless(&ref), COMP_OK);
	/* The compressor made where that was, from the heap rather than
	 * a new mapping, not given back to the system in between. */
	mallopt(M_MMAP_THRESHOLD, 16 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	junk = malloc(n);
	assert_non_null(junk);
	for (i = 0; i < n / 2; i++)
		junk[i] = 4;
	free((void *)junk);
	z = zdef_new();
	zdef_zlib(z, &out, in, 200000);
	assert_int_equal(out.len, ref.total_out);
	assert_memory_equal(out.data, want, out.len);
	zdef_free(z);
	buf_free(&out);
	free(want);
	free(in);
}

/* An empty stream is still a stream. */
static void
test_raw_empty(void **state)
{
	struct zdef *z = zdef_new();
	struct buf out = BUF_INIT;
	unsigned char *back;
	size_t m;

	(void)state;
	zdef_raw_begin(z);
	zdef_raw(z, &out, "", 0, 1);
	assert_true(out.len > 0);
	back = inflate_all(out.data, out.len, 0, 0, &m);
	assert_int_equal(m, 0);
	free(back);
	buf_free(&out);
	zdef_free(z);
}

/* The check value of CRC-32 (zip, gzip, PNG): "123456789" gives
 * CBF43926, whole or carried across pieces. */
static void
test_crc(void **state)
{
	(void)state;
	assert_int_equal(zdef_crc32(0, "", 0), 0);
	assert_int_equal(zdef_crc32(0, "123456789", 9), 0xCBF43926u);
	assert_int_equal(zdef_crc32(zdef_crc32(0, "1234", 4), "56789", 5),
	    0xCBF43926u);
	assert_int_equal(zdef_crc32(0, "The quick brown fox jumps over the "
	    "lazy dog", 43), 0x414FA339u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zlib),
		cmocka_unit_test(test_raw_pieces),
		cmocka_unit_test(test_raw_empty),
		cmocka_unit_test(test_reused_memory),
		cmocka_unit_test(test_crc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
