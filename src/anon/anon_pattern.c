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
/* Up to two of them: "12 - 34", "(0113) 496". */
#define SEP2 "[ .\\-\\x{A0}\\x{2009}\\x{202F}\\x{2010}\\x{2011}]{0,2}"

/*
 * For publication the detectors are liberal: a mistyped or invalid
 * identifier identifies as well as a valid one. Each is written as
 * practitioners write it, any case, any separators.
 */
/* The postcode areas of the UK: an outward code is a postcode only
 * if it starts with one. */
#define AREA2 "(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|" \
	"CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|" \
	"HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|" \
	"LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|" \
	"RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|" \
	"TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE)"
#define AREA1 "[BEGLMNSW]"
/* Areas whose letters are also practitioners' codes and grades
 * ("SW1" a social worker, "FY2", "ST3" and "CT1" doctors' grades, "DN"
 * a district nurse): with one digit, a postcode only where an address
 * puts it. */
#define ROLE2 "(?:CM|CT|DN|EH|FY|HP|LA|NP|PE|PO|RM|SE|SN|SS|ST|SW|TA|YO)"

/*
 * For publication the detectors are liberal: a mistyped or invalid
 * identifier identifies as well as a valid one. Each is written as
 * practitioners write it, any case, any separators. They read the text
 * as view_make gives it (no invisible characters, one kind of space and
 * of dash, ASCII digits).
 */
static const struct {
	unsigned	 kind;
	const char	*label;
	const char	*re;
	int		 caseless;
} builtin[] = {
	/* NHS numbers, check digit or not, in 3-3-4, 3-4-3 or 4-3-3, with
	 * spaces, dots, hyphens or slashes, or none. */
	{ AK_NHS, "[NHS number]",
	  "(?<![0-9])(?:[0-9]{3}[ ./\\-]{0,2}[0-9]{3}[ ./\\-]{0,2}[0-9]{4}|"
	  "[0-9]{3}(?<t>[ ./\\-]{1,2})[0-9]{4}\\k<t>[0-9]{3}|"
	  "[0-9]{4}(?<u>[ ./\\-]{1,2})[0-9]{3}\\k<u>[0-9]{3})"
	  "(?![0-9])", 0 },
	/* National Insurance numbers: two letters and six digits, and a
	 * letter or not, whatever the prefix ("QQ 12 34 56 C" is HMRC's
	 * specimen, and mistyped ones turn up). Capitals may stand apart
	 * ("Q Q 1 2 3 4 5 6 C"); lower case is glued, or with hyphens,
	 * dots or slashes ("qq-12-34-56-c"), never spaces: "at 123456" is
	 * no NI number. */
	{ AK_NINO, "[NI number]",
	  "(?<![A-Za-z0-9])(?:[A-Z] ?[A-Z][ ./\\-]{0,2}[0-9](?:[ ./\\-]{0,2}"
	  "[0-9]){5}(?:[ ./\\-]{0,2}[A-Da-d])?|[A-Za-z]{2}[./\\-]?[0-9](?:"
	  "[ ./\\-]{0,2}[0-9]){5}(?:[ ./\\-]{0,2}[A-Da-d])?)(?![A-Za-z0-9])",
	  0 },
	/* Postcodes, any case, the space there or not, a hyphen or a space
	 * in the inward code, a zero for the area's O. */
	{ AK_POSTCODE, "[postcode]",
	  "(?<![A-Za-z0-9])[A-PR-UWYZ0][A-HK-Y0]?[0-9][A-Z0-9]?"
	  "[ \\-]{0,2}[0-9] ?[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])", 1 },
	/* An outward code alone: with a two-letter area, in capitals,
	 * anywhere ("OL11", "LS12": no role or section code is one); with
	 * a one-letter area ("M14", but "L3" is a level and "S47" a
	 * section), where an address puts it. After a street or town of
	 * the register it goes with that (anon_address). A register id
	 * or an allowed word ("SW1") never. */
	{ AK_POSTCODE, "[postcode area]",
	  "(?<![A-Za-z0-9])(?!" ROLE2 "[0-9](?![A-Za-z0-9]))" AREA2
	  "[0-9][0-9A-Z]?(?![A-Za-z0-9])", 0 },
	{ AK_POSTCODE, "[postcode area]",
	  "(?<![A-Za-z0-9])(?:" AREA2 "|" AREA1 ")[0-9][0-9A-Z]?"
	  "(?=[ ]+(?:area|district|postcode|address)\\b)", 0 },
	{ AK_POSTCODE, "[postcode area]",
	  "(?<=postcode |postcode: |post code |Postcode |Postcode: |"
	  "moved to |lives in |living in |address is in |address in |"
	  "moved to the |area of |Moved to |Lives in |Living in )"
	  "(?:" AREA2 "|" AREA1 ")[0-9][0-9A-Z]?(?![A-Za-z0-9])", 0 },
	/* UK phone numbers, national and international, in any layout:
	 * "(0113) 4960571", "+44 (0)113 496 0571", "07700-900-123",
	 * "447700900123", a mobile without its 0 ("7700 900123"); and an
	 * extension after it. */
	{ AK_PHONE, "[phone number]",
	  "(?<![0-9+])(?:(?:(?:\\+|00)44[ ./\\-)(]{0,2}(?:\\(0\\)[ ./\\-]{0,2})?|"
	  "\\(?0)[0-9](?:[ ./\\-)]{0,2}[0-9]){8,9}|44[0-9]{10}|"
	  "7[0-9]{3}[ \\-]?[0-9]{6})(?![0-9])"
	  "(?:,?[ ]*(?:ext(?:ension)?\\.?|x)[ ]*[0-9]{1,5}(?![0-9]))?", 1 },
	{ AK_EMAIL, "[email address]",
	  "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+", 0 },
	{ AK_URL, "[web address]",
	  "(?:https?://|www\\.)[^\\s<>\"]+", 1 },
	/* A web address written without its scheme: a host and a path
	 * ("linktr.ee/shanbabe06"), or a host with a common ending. */
	{ AK_URL, "[web address]",
	  "(?<![@\\w.\\-/])(?:[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?\\.)+[a-z]{2,}"
	  "/[^\\s<>\"]*", 1 },
	{ AK_URL, "[web address]",
	  "(?<![@\\w.\\-/])(?:[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?\\.)+"
	  "(?:com|org|net|uk|io|me|tv|info|biz|ly|gl|co|app|social|page|ie|"
	  "be|de|eu|fr|gg|je|im|scot|wales|cymru|xyz|online|london|site|"
	  "website|blog|link|ee|to|us|ca|au|nz|in|es|it|nl|pl|ro|pt|tr|"
	  "live|shop|store|club|me\\.uk)(?![a-z0-9\\-])", 1 },
	/* Social media accounts. */
	{ AK_HANDLE, "[social media account]",
	  "(?<![A-Za-z0-9_@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?", 0 },
	/* Vehicle registrations (current and older layouts), driving
	 * licence numbers (five letters of the surname, the date of
	 * birth), family court case numbers. */
	{ AK_OTHERID, "[vehicle registration]",
	  "(?<![A-Za-z0-9])(?:[A-Z]{2}[0-9]{2} ?[A-Z]{3}|[A-Z][0-9]{1,3} ?"
	  "[A-Z]{3})(?![A-Za-z0-9])", 0 },
	{ AK_OTHERID, "[driving licence number]",
	  "(?<![A-Za-z0-9])[A-Z9]{5}[0-9]{6}[A-Z9]{2}[0-9][A-Z]{2}"
	  "(?:[0-9]{2})?(?![A-Za-z0-9])", 1 },
	{ AK_OTHERID, "[court case number]",
	  "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}[CPZ][0-9]{5}(?![A-Za-z0-9])", 1 },
};

#define MONTH "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|" \
	"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|" \
	"nov(?:ember)?|dec(?:ember)?)"
#define WEEKDAY "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|" \
	"sun)(?:day)?\\.?,?[ \\x{A0}]+)?"
#define SP "[ \\x{A0}]+"
/* A day of the month in words: "seventh", "twenty-first". */
#define ORDWORD "(?:twenty[ \\-]?|thirty[ \\-]?)?(?:first|second|third|" \
	"fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|" \
	"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|" \
	"eighteenth|nineteenth|twentieth|thirtieth"

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
    /* 2025-03-14, 2022/06/03, 2022-6-3 */
    "|(?<y4>(?:1[89]|20)[0-9]{2})(?<t>[./\\-])(?<m4>[01]?[0-9])\\k<t>"
    "(?<d4>[0-3]?[0-9])(?![0-9]|[./\\-][0-9])"
    /* 14-Jul-92 */
    "|(?<d5>[0-3]?[0-9])-(?<m5>" MONTH ")-(?<y5>[0-9]{4}|[0-9]{2})"
    /* 03 06 2022 */
    "|(?<d6>[0-3]?[0-9]) (?<m6>[01]?[0-9]) (?<y6>(?:19|20)[0-9]{2})"
    /* 03062022, 20220603: a date only if it is someone's birthday */
    "|(?<d7>[0-3][0-9])(?<m7>[01][0-9])(?<y7>(?:19|20)[0-9]{2})"
    "|(?<yc>(?:19|20)[0-9]{2})(?<mc>[01][0-9])(?<dc>[0-3][0-9])"
    /* the seventh of March 2006, twenty-first March */
    "|(?:the" SP ")?(?<da>" ORDWORD ")" SP "(?:of" SP ")?(?<ma>" MONTH ")"
    "(?:,?" SP "(?<ya>[0-9]{4}))?"
    /* 7.III.2006, 7/iii/06 */
    "|(?<db>[0-3]?[0-9])(?<u>[./\\-])(?<mb>i{1,3}|iv|vi{0,3}|ix|xi{0,2})"
    "\\k<u>(?<yb>[0-9]{4}|[0-9]{2})"
    ")(?:t[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?"
    "(?:z|[+\\-][0-9]{2}:?[0-9]{2})?)?(?![0-9A-Za-z])";

/* A month and a year ("May 2026"): said more exactly than a
 * publication says dates when they are years or days from the
 * incident. */
static const char monthyear_re[] =
    "(?<![0-9A-Za-z])(?<m9>" MONTH ")\\.?,?" SP "(?<y9>(?:19|20)[0-9]{2})"
    "(?![0-9A-Za-z])";

/* A day and month with no year ("on 26/08", "Found on 18/08"): a date
 * where the words before say so (date_context). */
static const char daymonth_re[] =
    "(?<![0-9A-Za-z./\\-])(?<d8>[0-3]?[0-9])[/.](?<m8>[01]?[0-9])"
    "(?![0-9]|[./\\-][0-9])";

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
		if ((a->pat[a->npat++].re = compile(k->pub.ids[i].regex, 1,
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
	/* Long paragraphs of dots and letters take the host patterns'
	 * backtracking past the JIT's default 32 KiB stack. */
	a->jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	a->mctx = pcre2_match_context_create(NULL);
	pcre2_jit_stack_assign(a->mctx, NULL, a->jstack);
	if ((a->date_re = compile(date_re, 1, &err, &at)) == NULL ||
	    (a->daymonth_re = compile(daymonth_re, 0, &err, &at)) == NULL ||
	    (a->monthyear_re = compile(monthyear_re, 1, &err, &at)) == NULL) {
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
	pcre2_code_free(a->daymonth_re);
	pcre2_code_free(a->monthyear_re);
	pcre2_match_context_free(a->mctx);
	pcre2_jit_stack_free(a->jstack);
	a->mctx = NULL;
	a->jstack = NULL;
	a->daymonth_re = a->monthyear_re = NULL;
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
	static const char *const roman[] = { "i", "ii", "iii", "iv", "v",
	    "vi", "vii", "viii", "ix", "x", "xi", "xii" };
	size_t i;

	if (*s >= '0' && *s <= '9')
		return atoi(s);
	for (i = 0; i < 12; i++)
		if (strcasecmp(roman[i], s) == 0)
			return (int)i + 1;
	for (i = 0; i < 12; i++)
		if (strncasecmp(months[i], s, 3) == 0)
			return (int)i + 1;
	return 0;
}

/* A day of the month in figures or words ("21", "twenty-first"). */
static int
day_of(const char *s)
{
	static const char *const units[] = { "first", "second", "third",
	    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
	    "fifteenth", "sixteenth", "seventeenth", "eighteenth",
	    "nineteenth", "twentieth" };
	size_t i;
	int base = 0;

	if (*s >= '0' && *s <= '9')
		return atoi(s);
	if (strncasecmp(s, "thirtieth", 9) == 0)
		return 30;
	if (strncasecmp(s, "twenty", 6) == 0 && strlen(s) > 8)
		base = 20, s += 6;
	else if (strncasecmp(s, "thirty", 6) == 0)
		base = 30, s += 6;
	while (*s == ' ' || *s == '-')
		s++;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcasecmp(units[i], s) == 0)
			return base + (int)i + 1;
	return 0;
}

/* "aged 3" or "aged 9 months": how old someone born on day born was at
 * the incident, as publication rounds ages. */
static void
aged(const struct anon *a, long born, struct buf *b)
{
	struct dateview v;
	struct cdate dob, inc;
	char age[24];

	memset(&dob, 0, sizeof(dob));
	memset(&inc, 0, sizeof(inc));
	civil_from_days(born, &dob.y, &dob.m, &dob.d);
	civil_from_days(a->incident, &inc.y, &inc.m, &inc.d);
	dob.prec = inc.prec = DATE_DAY;
	v.general = 1;
	v.mode = DATES_MONTH_YEAR;
	v.incident = a->incident;
	dv_age(&v, &dob, &inc, age, sizeof(age));
	if (age[0] == '\0')
		return;
	if (age[strlen(age) - 1] == 'm')
		buf_printf(b, "; aged %d month%s at the incident", atoi(age),
		    atoi(age) == 1 ? "" : "s");
	else
		buf_printf(b, "; aged %d at the incident", atoi(age));
}

/* The generalised form of a date found at ov, or NULL if it is none. */
static char *
generalise(const struct anon *a, pcre2_code *re, PCRE2_SIZE *ov,
    const char *text)
{
	static const char *const alt = "123456789abc";
	char d[24] = "", m[16] = "", y[8] = "", key[4];
	struct buf b = BUF_INIT;
	int dd = 0, mm = 0, yy = -1;
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
	dd = alt[i] == '9' ? 1 : day_of(d);
	mm = month_of(m);
	if (mm < 1 || mm > 12 || dd < 1 || dd > (yy > 0 ?
	    days_in_month(yy, mm) : 31))
		return NULL;
	if (yy < 0) {
		buf_puts(&b, a->dates == DATES_YEAR ? "[date]" : months[mm - 1]);
		return buf_detach(&b);
	}
	day = days_from_civil(yy, mm, dd);
	if (alt[i] == '9') {
		/* A month and year, where dates say less. */
		if (a->dates == DATES_YEAR || a->incident == LONG_MIN)
			buf_printf(&b, "%d", yy);
		else {
			int iy, im, id;

			civil_from_days(a->incident, &iy, &im, &id);
			buf_printf(&b, "Month %d", (yy - iy) * 12 + mm - im);
		}
		return buf_detach(&b);
	}
	for (j = 0; j < a->nent; j++)
		if (a->ent[j].dob == day) {
			buf_puts(&b, "[date of birth");
			if (a->incident != LONG_MIN && a->incident >= day)
				aged(a, day, &b);
			buf_putc(&b, ']');
			return buf_detach(&b);
		}
	/* Eight digits together are a date only when they are someone's
	 * date of birth; else the residual report asks about them. */
	if (alt[i] == '7' || alt[i] == 'c')
		return NULL;
	if (a->dates == DATES_YEAR)
		buf_printf(&b, "%d", yy);
	else if (a->dates == DATES_RELATIVE && a->incident != LONG_MIN)
		buf_printf(&b, "Day %ld", day - a->incident);
	else
		buf_printf(&b, "%s %d", months[mm - 1], yy);
	return buf_detach(&b);
}

/* Whether text[s] is preceded by word w (ASCII, any case) and spaces. */
static int
word_before(const char *text, size_t s, const char *w)
{
	size_t n = strlen(w);

	while (s > 0 && text[s - 1] == ' ')
		s--;
	return s >= n && strncasecmp(text + s - n, w, n) == 0 &&
	    (s == n || !isalpha((unsigned char)text[s - n - 1]));
}

/*
 * Whether a day and month with no year at text[s..e) is a date: written
 * with both in two digits ("26/08"), or after a word that dates what
 * follows ("on 3/2", "seen 3/2"); never a score ("scored 7/10") or a
 * decimal ("3.2 kg").
 */
static int
date_context(const char *text, size_t s, size_t e)
{
	static const char *const before[] = { "on", "from", "to", "until",
	    "till", "by", "since", "dated", "before", "after", "between",
	    "and", "seen", "found", "born", "of", "w/c", "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
	    "tue", "wed", "thu", "fri", "sat", "sun" };
	static const char *const never[] = { "scored", "score", "rated",
	    "rating", "of", "at", "about" };
	const char *sep = memchr(text + s, '/', e - s);
	size_t i;
	int padded = e - s == 5;

	for (i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		if (word_before(text, s, never[i]) && strcmp(never[i], "of") !=
		    0)
			return 0;
	if (word_before(text, s, "out of"))
		return 0;
	for (i = 0; i < sizeof(before) / sizeof(before[0]); i++)
		if (word_before(text, s, before[i]))
			return 1;
	/* "26/08" with nothing to say it is a date: still one, if it has
	 * a slash and both parts in two digits. */
	return padded && sep != NULL;
}

/* A time of day at text[i..]: "21:00", "9.30pm", "2314hrs"; its length,
 * else 0. */
static size_t
time_at(const char *text, size_t len, size_t i)
{
	size_t k = i;

	while (k < len && k - i < 2 && text[k] >= '0' && text[k] <= '9')
		k++;
	if (k == i)
		return 0;
	if (k < len && (text[k] == ':' || text[k] == '.') && k + 2 < len + 1 &&
	    k + 2 <= len && text[k + 1] >= '0' && text[k + 1] <= '5' &&
	    text[k + 2] >= '0' && text[k + 2] <= '9')
		k += 3;
	else if (k - i == 2 && k + 1 < len && text[k] >= '0' && text[k] <=
	    '5' && text[k + 1] >= '0' && text[k + 1] <= '9')
		k += 2;		/* 2314 */
	else
		return 0;
	if (k < len && text[k] == ' ' && k + 2 < len && (strncasecmp(text + k +
	    1, "hrs", 3) == 0 || strncasecmp(text + k + 1, "am", 2) == 0 ||
	    strncasecmp(text + k + 1, "pm", 2) == 0))
		k++;
	if (k + 3 <= len && strncasecmp(text + k, "hrs", 3) == 0)
		k += 3;
	else if (k + 2 <= len && (strncasecmp(text + k, "am", 2) == 0 ||
	    strncasecmp(text + k, "pm", 2) == 0))
		k += 2;
	if (k < len && isalnum((unsigned char)text[k]))
		return 0;
	return k - i;
}

/*
 * A time of day beside a date that loses its day goes with it: "at
 * about 21:00 on 11/10" reads "in October", "14/03/2025 10:40" reads
 * "March 2025". Widens [*s, *e).
 */
static void
take_times(const char *text, size_t len, size_t *s, size_t *e)
{
	static const char *const lead[] = { "at about ", "at around ",
	    "at approx ", "at approximately ", "at ", "about ", "around ",
	    "approx " };
	size_t k = *e, t, i, n, b;

	/* After: " 10:40", ", 10:40", " at 10:40". */
	if (k < len && (text[k] == ' ' || text[k] == ',')) {
		k += text[k] == ',' ? 1 : 0;
		while (k < len && text[k] == ' ')
			k++;
		if (k + 3 <= len && strncasecmp(text + k, "at ", 3) == 0)
			k += 3;
		if ((t = time_at(text, len, k)) > 0)
			*e = k + t;
	}
	/* Before: "at about 21:00 on 11/10", "21:00, 14/03/2025". */
	k = *s;
	if (k >= 4 && strncasecmp(text + k - 3, "on ", 3) == 0 &&
	    text[k - 4] == ' ')
		k -= 4;
	else if (k >= 2 && strncmp(text + k - 2, ", ", 2) == 0)
		k -= 2;
	else if (k >= 1 && text[k - 1] == ' ')
		k -= 1;
	else
		return;
	for (b = k; b > 0 && b > k - 12 && text[b - 1] != ' '; b--)
		;
	if (b == k || time_at(text, len, b) != k - b)
		return;
	for (i = 0; i < sizeof(lead) / sizeof(lead[0]); i++) {
		n = strlen(lead[i]);
		if (b >= n && strncasecmp(text + b - n, lead[i], n) == 0) {
			b -= n;
			break;
		}
	}
	*s = b;
}

/*
 * The first day of a range written before a date at text[s] goes with
 * it: "13th/14th March", "13-14 March", "13 and 14 March", "3 to 9
 * June". The range's start, else s.
 */
static size_t
range_start(const char *text, size_t s)
{
	static const char *const join[] = { " and ", " to ", " & ", " - ",
	    "/", "-", "&" };
	size_t i, n, k, d;

	if (s == 0 || !(text[s] >= '0' && text[s] <= '9'))
		return s;
	for (i = 0; i < sizeof(join) / sizeof(join[0]); i++) {
		n = strlen(join[i]);
		if (s < n + 1 || strncmp(text + s - n, join[i], n) != 0)
			continue;
		k = s - n;
		if (k >= 2 && (strncasecmp(text + k - 2, "st", 2) == 0 ||
		    strncasecmp(text + k - 2, "nd", 2) == 0 ||
		    strncasecmp(text + k - 2, "rd", 2) == 0 ||
		    strncasecmp(text + k - 2, "th", 2) == 0))
			k -= 2;
		for (d = k; d > 0 && k - d < 2 && text[d - 1] >= '0' &&
		    text[d - 1] <= '9'; d--)
			;
		if (d == k || (d > 0 && (isalnum((unsigned char)text[d - 1]) ||
		    strchr("/.-:", text[d - 1]) != NULL)) || atoi(text + d) < 1 ||
		    atoi(text + d) > 31)
			continue;
		return d;
	}
	return s;
}

static void
scan_one(const struct anon *a, pcre2_code *re, unsigned kind,
    const char *label, const char *text, size_t len, struct anon_hits *h)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	struct fold f = { NULL, 0, 0, NULL, NULL };
	struct anon_hit *x;
	PCRE2_SIZE *ov, at = 0, s, e;
	char *repl;
	static const char *const tail[] = { " area", " district" };
	int daymonth = re == a->daymonth_re, rc = PCRE2_ERROR_NOMATCH;
	size_t i;

	while (at <= len && (rc = pcre2_match(re, (PCRE2_SPTR)text, len, at,
	    PCRE2_NO_UTF_CHECK, md, a->mctx)) > 0) {
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
			if (daymonth && !date_context(text, s, e))
				continue;
			if ((repl = generalise(a, re, ov, text)) == NULL)
				continue;
			/* A full stop after a month is the sentence's: "from
			 * 25 September. Will ..." keeps it. */
			if (text[e - 1] == '.')
				e--;
			if (a->dates != DATES_RELATIVE || a->incident == LONG_MIN)
				take_times(text, len, &s, &e);
			s = range_start(text, s);
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
			} else if (strncasecmp(text + s, "at ", 3) == 0 ||
			    strncasecmp(text + s, "about ", 6) == 0 ||
			    strncasecmp(text + s, "around ", 7) == 0 ||
			    strncasecmp(text + s, "approx ", 7) == 0 ||
			    (text[s] >= '0' && text[s] <= '9' &&
			    time_at(text, len, s) > 0 && re == a->daymonth_re)) {
				/* A time taken before "on": the date says
				 * when, in its words. */
				size_t tn = strlen(repl) + 4;
				char *t = xmalloc(tn);

				snprintf(t, tn, "%s%s", repl[0] != '[' &&
				    strncmp(repl, "Day", 3) != 0 ? "in " : "on ",
				    repl);
				if (text[s] >= 'A' && text[s] <= 'Z')
					t[0] = (char)(t[0] - 32);
				free(repl);
				repl = t;
			}
		} else {
			fold_text(&f, text + s, e - s, &a->fo_all);
			if (kind != AK_REFERENCE &&
			    wordset_has(&a->allow, f.s, f.n))
				continue;
			repl = xstrdup(label);
			/* "the OL11 area" reads "the [postcode area]". */
			if (strcmp(label, "[postcode area]") == 0)
				for (i = 0; i < 2; i++)
					if (e + strlen(tail[i]) <= len &&
					    strncmp(text + e, tail[i],
					    strlen(tail[i])) == 0 &&
					    !isalnum((unsigned char)text[e +
					    strlen(tail[i])]))
						e += strlen(tail[i]);
		}
		x = anon_hit_add(h);
		x->start = s;
		x->end = e;
		x->ent = -1;
		x->kind = kind;
		x->repl = repl;
	}
	/* A pattern that could not finish (a match limit, the JIT stack)
	 * must not pass what it did not read: the rest is withheld, and
	 * the residual rule refuses it. */
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && at < len) {
		x = anon_hit_add(h);
		x->start = at;
		x->end = len;
		x->kind = kind;
		x->repl = xstrdup("[text withheld]");
		x->why = "text a pattern could not read to its end";
		x->risk = 1;
	}
	fold_free(&f);
	pcre2_match_data_free(md);
}

/*
 * The text as an identifier is read, whatever it is written with: no
 * soft hyphens, zero-width or bidi characters (999\u00AD402\u00AD7611
 * is an NHS number), every space kind a space and every dash kind a
 * hyphen, full-width digits and letters as ASCII (\uFF10\uFF17\uFF17\uFF10
 * \uFF10), and O written for 0 in a run of digits ("077OO 9OO456"). Byte i
 * came from the original's [off[i], end[i]).
 */
struct view {
	char	*s;
	size_t	 n, cap;
	size_t	*off, *end;
};

static void
view_put(struct view *v, char c, size_t from, size_t to)
{
	if (v->n + 2 > v->cap) {
		v->cap = (v->n + 2) * 2;
		v->s = xrealloc(v->s, v->cap);
		v->off = xrealloc(v->off, v->cap * sizeof(*v->off));
		v->end = xrealloc(v->end, v->cap * sizeof(*v->end));
	}
	v->s[v->n] = c;
	v->off[v->n] = from;
	v->end[v->n++] = to;
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

static void
view_make(struct view *v, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0, j, k, s, digits;
	unsigned cp;
	int n;

	memset(v, 0, sizeof(*v));
	while (i < len) {
		if (p[i] < 0x80) {
			view_put(v, (char)p[i], i, i + 1);
			i++;
			continue;
		}
		n = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC0 ? 2 : 1;
		if (i + (size_t)n > len)
			n = 1;
		cp = n == 2 ? (p[i] & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu) :
		    n == 3 ? (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 |
		    (p[i + 2] & 0x3Fu) : 0;
		if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 &&
		    cp <= 0x2069) || cp == 0xFEFF)
			;			/* nothing to read */
		else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
		    cp == 0x202F || cp == 0x205F || cp == 0x3000)
			view_put(v, ' ', i, i + (size_t)n);
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
		    cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D)
			view_put(v, '-', i, i + (size_t)n);
		else if (cp >= 0xFF01 && cp <= 0xFF5E)
			view_put(v, (char)(cp - 0xFEE0), i, i + (size_t)n);
		else
			for (j = 0; j < (size_t)n; j++)
				view_put(v, (char)p[i + j], i, i + (size_t)n);
		i += (size_t)n;
	}
	view_put(v, '\0', len, len);
	v->n--;
	/* O for 0: in a run of digits, O and spaces, of four digits or
	 * more, with an O beside a digit. */
	for (s = 0; s < v->n; s = k + 1) {
		for (k = s, digits = 0; k < v->n && (digit(v->s[k]) ||
		    v->s[k] == 'O' || v->s[k] == 'o' || (v->s[k] == ' ' &&
		    k > s && k + 1 < v->n && (digit(v->s[k + 1]) ||
		    v->s[k + 1] == 'O'))); k++)
			digits += digit(v->s[k]);
		if (digits < 4 || (s > 0 && isalpha((unsigned char)v->s[s - 1])) ||
		    (k < v->n && isalpha((unsigned char)v->s[k])))
			continue;
		for (j = s; j < k; j++)
			if ((v->s[j] == 'O' || v->s[j] == 'o') && ((j > s &&
			    digit(v->s[j - 1])) || (j + 1 < k &&
			    digit(v->s[j + 1])) || (j > s && (v->s[j - 1] ==
			    'O' || v->s[j - 1] == 'o'))))
				v->s[j] = '0';
	}
}

static void
view_free(struct view *v)
{
	free(v->s);
	free(v->off);
	free(v->end);
}

void
anon_pattern_scan(const struct anon *a, const char *text, size_t len,
    int dates, struct anon_hits *h)
{
	struct view v;
	size_t i, first = h->n;
	unsigned need = 0, k;

	view_make(&v, text, len);
	/* What each pattern cannot match without: most text has no
	 * digits, '@' or web address, and is not searched for them. */
	for (i = 0; i < v.n; i++)
		if (v.s[i] >= '0' && v.s[i] <= '9')
			need |= AK_NHS | AK_NINO | AK_POSTCODE | AK_PHONE |
			    AK_DATES | AK_OTHERID;
		else if (v.s[i] == '@')
			need |= AK_EMAIL | AK_HANDLE;
		else if (v.s[i] == '/' || v.s[i] == '.')
			need |= AK_URL;
	need |= AK_REFERENCE | AK_DATES;
	for (i = 0; i < a->npat; i++) {
		k = a->pat[i].kind;
		if ((a->kinds & k) && (need & k))
			scan_one(a, a->pat[i].re, k, a->pat[i].label, v.s, v.n,
			    h);
	}
	if (dates && (a->kinds & AK_DATES) && (need & AK_DATES)) {
		scan_one(a, a->date_re, AK_DATES, NULL, v.s, v.n, h);
		scan_one(a, a->daymonth_re, AK_DATES, NULL, v.s, v.n, h);
		if (a->dates != DATES_MONTH_YEAR)
			scan_one(a, a->monthyear_re, AK_DATES, NULL, v.s, v.n,
			    h);
	}
	/* Back to the original's bytes. */
	for (i = first; i < h->n; i++) {
		size_t e = h->v[i].end;

		h->v[i].end = e > h->v[i].start ? v.end[e - 1] : v.off[e];
		h->v[i].start = v.off[h->v[i].start];
	}
	view_free(&v);
}
