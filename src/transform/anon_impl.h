/* The anonymiser's insides, shared by its files (not for other modules). */
#ifndef CSPR_ANON_IMPL_H
#define CSPR_ANON_IMPL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "anon.h"
#include "anon_fold.h"

/* A register entry: a person or a place. */
struct anon_ent {
	const char	*id;
	const char	*repl;		/* pseudonym, role or replacement */
	char		 sex;		/* 'f', 'm' or 0 */
	int		 family;	/* a family member, not a practitioner */
	long		 dob;		/* day number, or LONG_MIN */
};

/* A folded variant of a name; the trie's terminals point here. */
struct anon_var {
	int		 ent;
	int		 ent2;		/* a second holder, or -1 */
	unsigned	 kind;
	int		 common;	/* also a common word */
	int		 initials;	/* letters only if written in capitals */
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
	struct anon_ent	*ent;
	size_t		 nent;
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
	long		 incident;	/* day number, or LONG_MIN */
	enum date_mode	 dates;
	char		**ids;		/* labels of reference patterns */
	size_t		 nids;
};

int	 wordset_has(const struct wordset *w, const char *s, size_t n);
void	 wordset_add(struct wordset *w, const char *s, size_t n);
void	 wordset_free(struct wordset *w);

/* anon_pattern.c: compiles the identifier and date patterns. */
int	 anon_patterns(struct anon *a, const struct kase *k,
	    struct diag_ctx *dg);
void	 anon_patterns_free(struct anon *a);
/* Adds the pattern hits in text to h (unsorted, may overlap). */
void	 anon_pattern_scan(const struct anon *a, const char *text,
	    size_t len, int dates, struct anon_hits *h);
struct anon_hit *anon_hit_add(struct anon_hits *h);

#endif
