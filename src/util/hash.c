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

void
hash_put(struct hash *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t w;
	size_t take;

	h->len += n;
	/* Fill a partial word first, a piece at a time, not a byte. */
	if (h->ntail > 0) {
		take = n < 8 - h->ntail ? n : 8 - h->ntail;
		memcpy(h->tail + h->ntail, s, take);
		h->ntail += take;
		s += take;
		n -= take;
		if (h->ntail < 8)
			return;
		memcpy(&w, h->tail, 8);
		word(h, w);
		h->ntail = 0;
	}
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		word(h, w);
	}
	memcpy(h->tail, s, n);
	h->ntail = n;
}

void
hash_u64(struct hash *h, uint64_t v)
{
	hash_put(h, &v, sizeof(v));
}

void
hash_str(struct hash *h, const char *s)
{
	if (s == NULL) {
		hash_u64(h, UINT64_MAX);
		return;
	}
	hash_u64(h, strlen(s));
	hash_put(h, s, strlen(s));
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

void
hash_hex(const struct hash *h, char out[HASH_HEX])
{
	struct hash c = *h;
	uint64_t w = 0;

	memcpy(&w, c.tail, c.ntail);
	word(&c, w ^ ((uint64_t)c.ntail << 56));
	word(&c, c.len);
	snprintf(out, HASH_HEX, "%016llx%016llx",
	    (unsigned long long)mix(c.a ^ mix(c.b)),
	    (unsigned long long)mix(c.b + c.a));
}
