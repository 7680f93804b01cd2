/* Tells what a file on its own is: a manifest, a chronology or a scoping return. */
#include "ingest.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The root element's name from the first 64 KiB, skipping the prolog. */
static enum return_kind
sniff_xml(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q;
	size_t len;

	while (p < end) {
		if ((p = memchr(p, '<', (size_t)(end - p))) == NULL ||
		    p + 1 >= end)
			break;
		if (p[1] == '?' || p[1] == '!') {	/* prolog, comment, DOCTYPE */
			p += 2;
			continue;
		}
		q = ++p;
		while (q < end && (isalnum((unsigned char)*q) || *q == '-' ||
		    *q == '_'))
			q++;
		len = (size_t)(q - p);
		if (len == 4 && memcmp(p, "case", 4) == 0)
			return RETURN_MANIFEST;
		if (len == 10 && memcmp(p, "chronology", 10) == 0)
			return RETURN_CHRONOLOGY;
		if (len == 7 && memcmp(p, "scoping", 7) == 0)
			return RETURN_SCOPING;
		break;
	}
	return RETURN_UNKNOWN;
}

enum return_kind
ingest_sniff(const char *file)
{
	char buf[65536];
	size_t n, len = strlen(file);
	FILE *f;
	const char *p;

	if ((f = fopen(file, "rb")) == NULL)
		return RETURN_UNKNOWN;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (len > 3 && strcmp(file + len - 3, ".md") == 0) {
		/* A table makes a chronology; level-2 sections without one a
		 * scoping return; anything else is read as a chronology,
		 * whose reader says what is missing. */
		int sections = 0;

		for (p = buf; p != NULL && p < buf + n; p = memchr(p, '\n',
		    (size_t)(buf + n - p))) {
			if (*p == '\n')
				p++;
			while (*p == ' ')
				p++;
			if (*p == '|')
				return RETURN_CHRONOLOGY;
			if (strncmp(p, "## ", 3) == 0)
				sections = 1;
		}
		return sections ? RETURN_SCOPING : RETURN_CHRONOLOGY;
	}
	return sniff_xml(buf, n);
}
