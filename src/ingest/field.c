/* Cleaning of free-text fields from returns. */
#include "field.h"
#include "../util/alloc.h"

#include <stdlib.h>
#include <string.h>

static int
isws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* A byte copied as it is, with nothing to decide: not white space, a
 * newline or the end. */
static int
plain(unsigned char c)
{
	return c > ' ' || (c != '\0' && c != '\n' && !isws((char)c));
}

char *
field_clean(const char *s)
{
	char *out, *o;
	size_t blank = 0;	/* newlines seen since the last text */
	int space = 0, any = 0;

	if (s == NULL)
		return NULL;
	/* The result is never longer than the input. */
	o = out = xmalloc(strlen(s) + 1);
	for (; *s; s++) {
		if (*s == '\n' || (*s == '\r' && s[1] != '\n')) {
			blank++;
			space = 0;
			continue;
		}
		if (isws(*s)) {
			space = 1;
			continue;
		}
		if (any && blank > 1) {
			*o++ = '\n';
			*o++ = '\n';
		} else if (any && blank == 1)
			*o++ = '\n';
		else if (any && space)
			*o++ = ' ';
		/* The rest of the word, as it is. */
		do
			*o++ = *s++;
		while (plain((unsigned char)*s));
		s--;
		any = 1;
		blank = 0;
		space = 0;
	}
	*o = '\0';
	if (!any) {
		free(out);
		return NULL;
	}
	return out;
}

char *
field_clean_line(const char *s)
{
	char *t = field_clean(s), *p, *o;

	if (t == NULL)
		return NULL;
	/* Fold the line breaks field_clean kept: "\n\n" and "\n" to " ",
	 * in one pass. */
	for (p = o = t; *p; p++)
		if (*p != '\n')
			*o++ = *p;
		else if (o == t || o[-1] != ' ')
			*o++ = ' ';
	*o = '\0';
	return t;
}
