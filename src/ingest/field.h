/* Cleaning of free-text fields from returns, shared by the XML and Markdown readers. */
#ifndef CSPR_FIELD_H
#define CSPR_FIELD_H

#include <stddef.h>

/*
 * A copy of s with leading and trailing white space removed, each line's
 * runs of spaces and tabs folded to one space, line ends normalised to
 * "\n", and any run of blank lines reduced to one ("\n\n": a paragraph
 * break). Returns NULL for NULL or for text that is all white space.
 * The input must already be valid UTF-8.
 */
char	*field_clean(const char *s);

/* The same for a one-line value: every run of white space becomes one
 * space. NULL for NULL or empty. */
char	*field_clean_line(const char *s);

#endif
