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
		*o++ = *s;
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
	char *t = field_clean(s), *p;

	if (t == NULL)
		return NULL;
	/* Fold the line breaks field_clean kept: "\n\n" and "\n" to " ". */
	for (p = t; *p; p++)
		if (*p == '\n') {
			*p = ' ';
			if (p[1] == '\n')
				memmove(p + 1, p + 2, strlen(p + 2) + 1);
		}
	return t;
}
