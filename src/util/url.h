/* Which link targets a document may hold. */
#ifndef CSPR_URL_H
#define CSPR_URL_H

/*
 * 1 if url is a web or mail address (http:, https:, mailto:), the only
 * links a document makes live. Anything else (javascript:, file:,
 * data:, a UNC or relative path) would run code, open the reader's
 * own files or leak a path with a name in it: it stays text.
 */
int	url_is_web(const char *url);

/* What to call a link that is not: "a 'javascript:' link", "a link to
 * a file path". Never the address itself, which may hold a name. */
const char *url_kind(const char *url);

#endif
