/* The anonymiser: register replacement, identifier patterns and date generalisation for publication output. */
#ifndef CSPR_ANON_H
#define CSPR_ANON_H

#include <stddef.h>

#include "../util/diag.h"

struct kase;	/* model/case.h: the gate scans with this header, not the case */

/*
 * What the anonymiser detects, one bit each. All are on in a real
 * build; the tests switch each one off in turn (CSPR_ANON_OFF, see
 * docs/anonymisation.md) to prove some test depends on it.
 */
enum anon_kind {
	AK_FULL		= 1u << 0,	/* "Kerry Walsh" */
	AK_GIVEN	= 1u << 1,	/* "Kerry" */
	AK_FAMILY	= 1u << 2,	/* "Walsh", "van der Berg" */
	AK_TITLE	= 1u << 3,	/* "Mrs Walsh", "Dr. Holt" */
	AK_INITIALS	= 1u << 4,	/* "KW", "K.W." */
	AK_POSSESSIVE	= 1u << 5,	/* "Kerry's", "Kerry’s" */
	AK_PLURAL	= 1u << 6,	/* "the Walshes" */
	AK_ALIAS	= 1u << 7,	/* aliases and nicknames */
	AK_CAPS		= 1u << 8,	/* "KERRY WALSH" */
	AK_ACCENTS	= 1u << 9,	/* "Zoe" for "Zoë", NFC and NFD */
	AK_SEPARATORS	= 1u << 10,	/* every apostrophe, hyphen, space */
	AK_RUNS		= 1u << 11,	/* a name split across runs */
	AK_NHS		= 1u << 12,
	AK_NINO		= 1u << 13,
	AK_POSTCODE	= 1u << 14,
	AK_PHONE	= 1u << 15,
	AK_EMAIL	= 1u << 16,
	AK_URL		= 1u << 17,
	AK_REFERENCE	= 1u << 18,	/* the case's own reference patterns */
	AK_DATES	= 1u << 19,
	AK_BIDI		= 1u << 20,	/* a name shown backwards by U+202E */
	AK_CONFUSABLE	= 1u << 21,	/* "Kаylеigh" (Cyrillic), "ᴋᴀʏ" */
	AK_GLUED	= 1u << 22,	/* "Kayleigh2", "kayleighbrennan" */
	AK_HANDLE	= 1u << 23,	/* "@kb2022", social media accounts */
	AK_ADDRESS	= 1u << 24,	/* "12 [street]", "Flat 4, ...": the
					 * number goes with the address */
	AK_OTHERID	= 1u << 25,	/* vehicle registrations, driving
					 * licences, court case numbers */
	AK_ALL		= (1u << 26) - 1
};

/* "full,given,...": the names CSPR_ANON_OFF takes; -1 if one is unknown. */
long		 anon_kinds_parse(const char *list);

struct anon;

/*
 * The anonymiser for case k: every register entry's variants, the
 * identifier and date patterns, the allow-list (the case's, the
 * agencies, role labels, and the words in allowfile if not NULL) and the
 * dictionary of common words (dictfile). Reports bad reference patterns
 * at their place in case.xml. NULL after an error.
 */
struct anon	*anon_new(const struct kase *k, unsigned kinds,
		    const char *dictfile, const char *allowfile,
		    struct diag_ctx *dg);
void		 anon_free(struct anon *a);		/* accepts NULL */

/* One thing found in a text: bytes [start, end) of it. */
struct anon_hit {
	size_t		 start, end;
	int		 ent;		/* register entry, or -1 */
	int		 ent2;		/* a second holder of the name, or -1 */
	unsigned	 kind;		/* enum anon_kind */
	char		*repl;		/* what to write instead (owned) */
	const char	*why;		/* if set: undecided, for the report */
	int		 risk;		/* undecided and too risky to publish
					 * unread (a shared name, a name in a
					 * token left as it is) */
	int		 keep;		/* left as written (a common word in
					 * a title), only noted for the
					 * report: no leak for the gate */
	int		 weak;		/* a common word that may be the name
					 * (at a sentence's start, in
					 * capitals): the gate warns */
};

struct anon_hits {
	struct anon_hit	*v;
	size_t		 n, cap;
};

void		 anon_hits_free(struct anon_hits *h);

/*
 * Finds what must not be published in text[0..len): register names and
 * identifiers always, exact dates too if dates is set. Hits are sorted
 * and do not overlap; h is emptied first.
 */
void		 anon_scan(const struct anon *a, const char *text, size_t len,
		    int dates, struct anon_hits *h);

/* text with every hit replaced (caller frees). */
char		*anon_apply(const char *text, size_t len,
		    const struct anon_hits *h);

/* Removes bidi controls from s in place: a publication shows text in
 * the order it is stored, so what a reader sees is what was checked. */
void		 anon_unbidi(char *s);

/* text anonymised in one call, bidi controls removed (caller frees). */
char		*anon_string(const struct anon *a, const char *text);

/* The register id of entry ent, and its second holder if the name is
 * shared (else NULL): what messages name instead of the person. */
const char	*anon_ent_id(const struct anon *a, int ent);

/* The kind's name, as CSPR_ANON_OFF and the messages spell it. */
const char	*anon_kind_name(unsigned kind);

/* 1 if the word (UTF-8, len bytes) is known to be safe: a lower-case
 * dictionary word or on the allow-list. */
int		 anon_known_word(const struct anon *a, const char *w,
		    size_t len);

#endif
