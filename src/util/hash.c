/* A 128-bit content hash: two multiply-xorshift lanes over 8-byte words. */
#include "hash.h"

#include <stdio.h>
#include <string.h>

#define P1 0x9E3779B97F4A7C15ull
#define P2 0xC2B2AE3D27D4EB4Full

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xFF51AFD7ED558CCDull;
	x ^= x >> 33;
	x *= 0xC4CEB9FE1A85EC53ull;
	x ^= x >> 33;
	return x;
}

static void
word(struct hash *h, uint64_t w)
{
	h->a = (h->a ^ w) * P1;
	h->a ^= h->a >> 29;
	h->b = ((h->b + w) ^ (h->b >> 31)) * P2;
}

void
hash_init(struct hash *h)
{
	memset(h, 0, sizeof(*h));
	h->a = 0x243F6A8885A308D3ull;
	h->b = 0x13198A2E03707344ull;
}

/*
 * Words are read little-endian: a word is its eight bytes, the first
 * lowest, whatever the machine (and whatever pieces it came in).
 */
static uint64_t
load(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
	    (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32 |
	    (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 |
	    (uint64_t)s[7] << 56;
}

void
hash_put(struct hash *h, const void *p, size_t n)
{
	const unsigned char *s = p;

	uint64_t w;
	unsigned sh;

	h->len += n;
	if (h->ntail == 0)
		for (; n >= 8; s += 8, n -= 8)
			word(h, load(s));
	else {
		/* After a partial word: each eight bytes complete it and
		 * leave as many over, as byte by byte would. */
		sh = 8 * h->ntail;
		for (; n >= 8; s += 8, n -= 8) {
			w = load(s);
			word(h, h->tail | w << sh);
			h->tail = w >> (64 - sh);
		}
	}
	for (; n > 0; n--) {
		h->tail |= (uint64_t)*s++ << (8 * h->ntail);
		if (++h->ntail == 8) {
			word(h, h->tail);
			h->tail = 0;
			h->ntail = 0;
		}
	}
}

/* v as its eight bytes, lowest first: a word, or two halves. */
void
hash_u64(struct hash *h, uint64_t v)
{
	h->len += 8;
	if (h->ntail == 0) {
		word(h, v);
		return;
	}
	word(h, h->tail | v << (8 * h->ntail));
	h->tail = v >> (64 - 8 * h->ntail);
}

void
hash_str(struct hash *h, const char *s)
{
	size_t n;

	if (s == NULL) {
		hash_u64(h, UINT64_MAX);
		return;
	}
	n = strlen(s);
	hash_u64(h, n);
	hash_put(h, s, n);
}

int
hash_file(struct hash *h, const char *path)
{
	unsigned char buf[65536];
	size_t n;
	FILE *f;
	int rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		hash_put(h, buf, n);
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

/* The digest so far, as two words. */
static void
digest(const struct hash *h, uint64_t d[2])
{
	struct hash c = *h;

	word(&c, c.tail ^ ((uint64_t)c.ntail << 56));
	word(&c, c.len);
	d[0] = mix(c.a ^ mix(c.b));
	d[1] = mix(c.b + c.a);
}

void
hash_hex(const struct hash *h, char out[HASH_HEX])
{
	uint64_t d[2];

	digest(h, d);
	snprintf(out, HASH_HEX, "%016llx%016llx", (unsigned long long)d[0],
	    (unsigned long long)d[1]);
}

uint64_t
hash64(const struct hash *h)
{
	uint64_t d[2];

	digest(h, d);
	return d[0];
}
