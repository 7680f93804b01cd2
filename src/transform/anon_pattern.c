/* Identifier and date patterns of the anonymiser (PCRE2): NHS and NI numbers, postcodes, phones, emails, URLs, references, dates. */
#include "anon_impl.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A separator inside an identifier: space, no-break or thin space, dot,
 * hyphen of any kind; or nothing. */
#define SEP "[ .\\-\\x{A0}\\x{2009}\\x{202F}\\x{2010}\\x{2011}]?"

static const struct {
	unsigned	 kind;
	const char	*label;
	const char	*re;
	int		 caseless;
} builtin[] = {
	{ AK_NHS, "[NHS number]",
	  "(?<![0-9])[0-9]{3}" SEP "[0-9]{3}" SEP "[0-9]{4}(?![0-9])", 0 },
	{ AK_NINO, "[NI number]",
	  "(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]" SEP "[0-9]{2}"
	  SEP "[0-9]{2}" SEP "[0-9]{2}(?:" SEP "[A-D])?(?![A-Za-z0-9])", 1 },
	{ AK_POSTCODE, "[postcode]",
	  "(?<![A-Za-z0-9])[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?"
	  "[ \\x{A0}\\x{2009}\\x{202F}]?[0-9][ABD-HJLNP-UW-Z]{2}"
	  "(?![A-Za-z0-9])", 1 },
	/* The outward code alone, in capitals as addresses write it. */
	{ AK_POSTCODE, "[postcode area]",
	  "(?<![A-Za-z0-9])[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?"
	  "(?![A-Za-z0-9])", 0 },
	{ AK_PHONE, "[phone number]",
	  "(?<![0-9+])(?:(?:\\+|00)44" SEP "(?:\\(0\\)" SEP ")?|\\(?0)"
	  "(?:[0-9][ .\\-\\x{A0})]?){8,9}[0-9](?![0-9])", 0 },
	{ AK_EMAIL, "[email address]",
	  "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+", 0 },
	{ AK_URL, "[web address]",
	  "(?:https?://|www\\.)[^\\s<>\"\\x{A0}]+", 1 },
};

#define MONTH "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|" \
	"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|" \
	"nov(?:ember)?|dec(?:ember)?)"
#define WEEKDAY "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|" \
	"sun)(?:day)?\\.?,?[ \\x{A0}]+)?"
#define SP "[ \\x{A0}]+"

/*
 * Every way practitioners write an exact date, one alternative each:
 * named groups give day, month (number or name) and year.
 */
static const char date_re[] =
    "(?<![0-9A-Za-z])" WEEKDAY "(?:"
    /* 14 March 2025, 14th of Mar 25, 14 March */
    "(?<d1>[0-3]?[0-9])(?:st|nd|rd|th)?" SP "(?:of" SP ")?(?<m1>" MONTH
    ")\\.?(?:,?" SP "(?<y1>[0-9]{4}|'?[0-9]{2}(?![0-9:])))?"
    /* March 14th, March 14, 2025 */
    "|(?<m2>" MONTH ")\\.?" SP "(?<d2>[0-3]?[0-9])(?:st|nd|rd|th)?"
    "(?![0-9:])(?:,?" SP "(?<y2>[0-9]{4}))?"
    /* 14/03/2025, 14.3.25, 14-03-2025 */
    "|(?<d3>[0-3]?[0-9])(?<s>[./\\-])(?<m3>[01]?[0-9])\\k<s>"
    "(?<y3>[0-9]{4}|[0-9]{2})(?![0-9]|[./\\-][0-9])"
    /* 2025-03-14 */
    "|(?<y4>[0-9]{4})-(?<m4>[01][0-9])-(?<d4>[0-3][0-9])"
    /* 14-Jul-92 */
    "|(?<d5>[0-3]?[0-9])-(?<m5>" MONTH ")-(?<y5>[0-9]{4}|[0-9]{2})"
    ")(?![0-9A-Za-z])";

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static pcre2_code *
compile(const char *re, int caseless, int *err, size_t *at)
{
	PCRE2_SIZE off = 0;
	pcre2_code *c;

	c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF |
	    PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0), err, &off, NULL);
	*at = off;
	/* JIT code reads whole 16-byte words past a string's end, which
	 * valgrind cannot tell from a bug: make check-valgrind sets
	 * CSPR_NO_JIT. */
	if (c != NULL && getenv("CSPR_NO_JIT") == NULL)
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

int
anon_patterns(struct anon *a, const struct kase *k, struct diag_ctx *dg)
{
	PCRE2_UCHAR msg[256];
	size_t i, at = 0, n;
	int err, rc = 0;

	n = sizeof(builtin) / sizeof(builtin[0]) + k->pub.nids;
	a->pat = xcalloc(n, sizeof(*a->pat));
	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
		a->pat[a->npat].kind = builtin[i].kind;
		a->pat[a->npat].label = builtin[i].label;
		if ((a->pat[a->npat++].re = compile(builtin[i].re,
		    builtin[i].caseless, &err, &at)) == NULL) {
			pcre2_get_error_message(err, msg, sizeof(msg));
			diag(dg, DIAG_ERROR, NULL, "internal pattern %zu: %s",
			    i, (char *)msg);
			rc = -1;
		}
	}
	a->ids = xcalloc(k->pub.nids + 1, sizeof(*a->ids));
	for (i = 0; i < k->pub.nids; i++) {
		struct buf b = BUF_INIT;

		buf_printf(&b, "[%s]", k->pub.ids[i].label ?
		    k->pub.ids[i].label : "reference");
		a->ids[a->nids] = buf_detach(&b);
		a->pat[a->npat].kind = AK_REFERENCE;
		a->pat[a->npat].label = a->ids[a->nids++];
		if ((a->pat[a->npat++].re = compile(k->pub.ids[i].regex, 0,
		    &err, &at)) == NULL) {
			pcre2_get_error_message(err, msg, sizeof(msg));
			diag(dg, DIAG_ERROR, &k->pub.ids[i].pos, "identifier "
			    "pattern '%s' is not a valid regular expression "
			    "(PCRE2 syntax): %s at offset %zu",
			    k->pub.ids[i].label ? k->pub.ids[i].label : "",
			    (char *)msg, at);
			rc = -1;
		}
	}
	if ((a->date_re = compile(date_re, 1, &err, &at)) == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag(dg, DIAG_ERROR, NULL, "internal date pattern: %s at %zu",
		    (char *)msg, at);
		rc = -1;
	}
	return rc;
}

void
anon_patterns_free(struct anon *a)
{
	size_t i;

	for (i = 0; i < a->npat; i++)
		pcre2_code_free(a->pat[i].re);
	free(a->pat);
	for (i = 0; i < a->nids; i++)
		free(a->ids[i]);
	free(a->ids);
	pcre2_code_free(a->date_re);
	a->pat = NULL;
	a->ids = NULL;
	a->date_re = NULL;
	a->npat = a->nids = 0;
}

/* 1 if URL text[s..e) is on a host the allow-list names ("gov.uk"
 * allows www.gov.uk and assets.publishing.service.gov.uk). */
static int
url_allowed(const struct anon *a, const char *text, size_t s, size_t e)
{
	const char *h = text + s, *end = text + e, *p;
	char host[256];
	size_t n = 0;

	if ((p = memchr(h, ':', (size_t)(end - h))) != NULL && p + 2 < end &&
	    p[1] == '/' && p[2] == '/')
		h = p + 3;
	while (h + n < end && n + 1 < sizeof(host) && h[n] != '/' &&
	    h[n] != '?' && h[n] != '#' && h[n] != ':' && h[n] != '@') {
		host[n] = (char)(h[n] >= 'A' && h[n] <= 'Z' ? h[n] + 32 : h[n]);
		n++;
	}
	if (h + n < end && h[n] == '@')
		return 0;
	host[n] = '\0';
	for (p = host; p != NULL; p = strchr(p, '.') ? strchr(p, '.') + 1 :
	    NULL)
		if (strchr(p, '.') != NULL && wordset_has(&a->allow, p,
		    strlen(p)))
			return 1;
	return 0;
}

static int
group(pcre2_code *re, PCRE2_SIZE *ov, const char *text, const char *name,
    char *out, size_t n)
{
	int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
	size_t len;

	if (g < 0 || ov[2 * g] == PCRE2_UNSET)
		return 0;
	len = ov[2 * g + 1] - ov[2 * g];
	if (len >= n)
		len = n - 1;
	memcpy(out, text + ov[2 * g], len);
	out[len] = '\0';
	return 1;
}

static int
month_of(const char *s)
{
	size_t i;

	if (*s >= '0' && *s <= '9')
		return atoi(s);
	for (i = 0; i < 12; i++)
		if (strncasecmp(months[i], s, 3) == 0)
			return (int)i + 1;
	return 0;
}

/* The generalised form of a date found at ov, or NULL if it is none. */
static char *
generalise(const struct anon *a, pcre2_code *re, PCRE2_SIZE *ov,
    const char *text)
{
	static const char *const alt = "12345";
	char d[8], m[16], y[8], key[4];
	struct buf b = BUF_INIT;
	int dd = 0, mm = 0, yy = -1, age;
	long day;
	size_t i, j;

	for (i = 0; alt[i] != '\0'; i++) {
		snprintf(key, sizeof(key), "m%c", alt[i]);
		if (group(re, ov, text, key, m, sizeof(m)))
			break;
	}
	if (alt[i] == '\0')
		return NULL;
	/* "may 12" is the verb more often than the month. */
	if (alt[i] == '2' && !(m[0] >= 'A' && m[0] <= 'Z'))
		return NULL;
	snprintf(key, sizeof(key), "d%c", alt[i]);
	group(re, ov, text, key, d, sizeof(d));
	snprintf(key, sizeof(key), "y%c", alt[i]);
	if (group(re, ov, text, key, y, sizeof(y)))
		yy = atoi(y[0] == '\'' ? y + 1 : y) + (strlen(y) <= 3 ?
		    (atoi(y[0] == '\'' ? y + 1 : y) < 50 ? 2000 : 1900) : 0);
	dd = atoi(d);
	mm = month_of(m);
	if (mm < 1 || mm > 12 || dd < 1 || dd > (yy > 0 ?
	    days_in_month(yy, mm) : 31))
		return NULL;
	if (yy < 0) {
		buf_puts(&b, a->dates == DATES_YEAR ? "[date]" : months[mm - 1]);
		return buf_detach(&b);
	}
	day = days_from_civil(yy, mm, dd);
	for (j = 0; j < a->nent; j++)
		if (a->ent[j].dob == day) {
			if (a->incident == LONG_MIN || a->incident < day) {
				buf_puts(&b, "[date of birth]");
				return buf_detach(&b);
			}
			int iy, im, id;

			civil_from_days(a->incident, &iy, &im, &id);
			age = iy - yy - (im < mm || (im == mm && id < dd));
			buf_printf(&b, "[date of birth; aged %d at the "
			    "incident]", age);
			return buf_detach(&b);
		}
	if (a->dates == DATES_YEAR)
		buf_printf(&b, "%d", yy);
	else if (a->dates == DATES_RELATIVE && a->incident != LONG_MIN)
		buf_printf(&b, "Day %ld", day - a->incident);
	else
		buf_printf(&b, "%s %d", months[mm - 1], yy);
	return buf_detach(&b);
}

static void
scan_one(const struct anon *a, pcre2_code *re, unsigned kind,
    const char *label, const char *text, size_t len, struct anon_hits *h)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	struct fold f = { NULL, 0, 0, NULL };
	struct anon_hit *x;
	PCRE2_SIZE *ov, at = 0, s, e;
	char *repl;

	while (at <= len && pcre2_match(re, (PCRE2_SPTR)text, len, at,
	    PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		s = ov[0];
		e = ov[1];
		at = e > s ? e : s + 1;
		while (at < len && (text[at] & 0xC0) == 0x80)
			at++;
		if (e == s)
			continue;
		if (kind == AK_URL) {
			while (e > s && strchr(".,;:!?)]'\"", text[e - 1]))
				e--;
			if (url_allowed(a, text, s, e))
				continue;
		}
		if (kind == AK_DATES) {
			if ((repl = generalise(a, re, ov, text)) == NULL)
				continue;
			/* "on 14 March" reads "in March". */
			if (s >= 3 && strncasecmp(text + s - 3, "on ", 3) == 0 &&
			    (s == 3 || !isalnum((unsigned char)text[s - 4])) &&
			    repl[0] != '[' && strncmp(repl, "Day", 3) != 0) {
				size_t tn = strlen(repl) + 4;
				char *t = xmalloc(tn);

				snprintf(t, tn, "%s%s", text[s - 3] == 'O' ?
				    "In " : "in ", repl);
				free(repl);
				repl = t;
				s -= 3;
			}
		} else {
			fold_text(&f, text + s, e - s, AK_ALL);
			if (kind != AK_REFERENCE &&
			    wordset_has(&a->allow, f.s, f.n))
				continue;
			repl = xstrdup(label);
		}
		x = anon_hit_add(h);
		x->start = s;
		x->end = e;
		x->ent = -1;
		x->kind = kind;
		x->repl = repl;
	}
	fold_free(&f);
	pcre2_match_data_free(md);
}

void
anon_pattern_scan(const struct anon *a, const char *text, size_t len,
    int dates, struct anon_hits *h)
{
	size_t i;
	unsigned need = 0, k;

	/* What each pattern cannot match without: most text has no
	 * digits, '@' or web address, and is not searched for them. */
	for (i = 0; i < len; i++)
		if (text[i] >= '0' && text[i] <= '9')
			need |= AK_NHS | AK_NINO | AK_POSTCODE | AK_PHONE |
			    AK_DATES;
		else if (text[i] == '@')
			need |= AK_EMAIL;
		else if (text[i] == '/' || text[i] == '.')
			need |= AK_URL;
	need |= AK_REFERENCE;
	for (i = 0; i < a->npat; i++) {
		k = a->pat[i].kind;
		if ((a->kinds & k) && (need & k))
			scan_one(a, a->pat[i].re, k, a->pat[i].label, text,
			    len, h);
	}
	if (dates && (a->kinds & AK_DATES) && (need & AK_DATES))
		scan_one(a, a->date_re, AK_DATES, NULL, text, len, h);
}
