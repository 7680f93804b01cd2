/* The anonymiser's insides, shared by its files (not for other modules). */
#ifndef CSPR_ANON_IMPL_H
#define CSPR_ANON_IMPL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "anon.h"
#include "anon_fold.h"
#include "../model/case.h"

/* A register entry: a person or a place. */
struct anon_ent {
	const char	*id;
	const char	*repl;		/* pseudonym, role or replacement */
	char		 sex;		/* 'f', 'm' or 0 */
	int		 family;	/* a family member, not a practitioner */
	int		 adult;		/* titled "Mr", "Ms": not a child */
	int		 place;		/* a place, not a person */
	int		 role;		/* repl is a role label ("Mother"),
					 * not a pseudonym or a place's */
	long		 dob;		/* day number, or LONG_MIN */
	char		 initial;	/* of the given name (folded), or 0 */
	char		*rolestem;	/* folded role without its number
					 * ("health visitor"), or NULL */
};

/* A folded variant of a name; the trie's terminals point here. */
struct anon_var {
	int		 ent;
	int		 ent2;		/* a second holder, or -1 */
	unsigned	 kind;
	int		 common;	/* also a common word */
	int		 month;		/* also a month's name */
	int		 initials;	/* letters only if written in capitals */
	int		 expl;		/* written in the register (a name, an
					 * alias), not made from one: it wins
					 * over a made variant of another */
};

struct trie {
	unsigned	 child, next;	/* node indexes, 0 for none */
	int		 var;		/* variant index + 1, or 0 */
	unsigned char	 c;
};

/* A string set of folded words (the dictionary, the allow-list). */
struct wordset {
	char		**v;
	size_t		 cap, n;
};

struct anon_pat {
	pcre2_code	*re;
	unsigned	 kind;
	const char	*label;		/* the neutral replacement */
};

struct anon {
	unsigned	 kinds;
	struct folder	 fo;		/* folding with kinds */
	struct folder	 fo_all;	/* folding with every kind */
	struct anon_ent	*ent;
	size_t		 nent, npeople;	/* people first, then places */
	char		*shared_family;	/* replacement of a shared name */
	char		*shared_other;
	struct anon_var	*var;
	size_t		 nvar, varcap;
	struct trie	*tr;
	size_t		 ntr, trcap;
	struct wordset	 dict;		/* lower-case dictionary words */
	struct wordset	 allow;		/* folded allow-list entries and words */
	struct anon_pat	*pat;
	size_t		 npat;
	pcre2_code	*date_re;
	pcre2_code	*daymonth_re;	/* "on 26/08": a date without a year */
	pcre2_code	*monthyear_re;	/* "May 2026", where dates are years
					 * or days from the incident */
	pcre2_code	*outward_re;	/* a postcode's outward code alone */
	pcre2_match_context *mctx;	/* with jstack, a 1 MiB JIT stack */
	pcre2_jit_stack	*jstack;
	long		 incident;	/* day number, or LONG_MIN */
	enum date_mode	 dates;
	char		**ids;		/* labels of reference patterns */
	size_t		 nids;
};

int	 wordset_has(const struct wordset *w, const char *s, size_t n);
void	 wordset_add(struct wordset *w, const char *s, size_t n);
void	 wordset_free(struct wordset *w);

/* The longest variant in a's trie that folded text s[i..n) starts with
 * and that ends at a boundary that ok() accepts (NULL: any), as its
 * length; *var is set to it. 0 if none. */
size_t	 anon_trie_longest(const struct anon *a, const char *s, size_t i,
	    size_t n, const struct anon_var **var,
	    int (*ok)(const char *s, size_t at, size_t n));

/* Every variant folded s[i..n) starts with, shortest first: their
 * lengths and variants, at most max. Returns how many. */
size_t	 anon_trie_all(const struct anon *a, const char *s, size_t i,
	    size_t n, size_t *len, const struct anon_var **var, size_t max);

/* anon_pattern.c: compiles the identifier and date patterns. */
int	 anon_patterns(struct anon *a, const struct kase *k,
	    struct diag_ctx *dg);
void	 anon_patterns_free(struct anon *a);
/* Adds the pattern hits in text to h (unsorted, may overlap). */
void	 anon_pattern_scan(const struct anon *a, const char *text,
	    size_t len, int dates, struct anon_hits *h);
struct anon_hit *anon_hit_add(struct anon_hits *h);

/* anon_token.c: what only the whole token or its neighbours show: a
 * name glued to digits or inside a handle, an initial before a role. */
void	 anon_token_scan(const struct anon *a, const char *text, size_t len,
	    struct anon_hits *h);
/* Takes a house or flat number into the hit of the street after it
 * (h sorted, without overlaps). */
void	 anon_address(const struct anon *a, const char *text, size_t len,
	    struct anon_hits *h);

/* anon_tidy.c: replacements that read as a sentence should (h sorted,
 * without overlaps): "his mother, Mother," is "his mother", "Mother's
 * partner (known as Mother's partner)" is "Mother's partner". */
void	 anon_tidy(const struct anon *a, const char *text, size_t len,
	    struct anon_hits *h);

#endif
