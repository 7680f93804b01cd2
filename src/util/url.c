/* Which link targets a document may hold: web and mail addresses only. */
#include "url.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

int
url_is_web(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0 ||
	    strncasecmp(url, "mailto:", 7) == 0;
}

const char *
url_kind(const char *url)
{
	const char *p = url;

	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' ||
	    *p == '.')
		p++;
	if (*p == ':' && p - url > 1) {
		if (strncasecmp(url, "javascript:", 11) == 0)
			return "a 'javascript:' link";
		if (strncasecmp(url, "file:", 5) == 0)
			return "a 'file:' link";
		if (strncasecmp(url, "data:", 5) == 0)
			return "a 'data:' link";
		return "a link that is not a web or mail address";
	}
	if (url[0] == '\\' || (url[0] == '/' && url[1] == '/'))
		return "a link to a network path";
	return "a link to a file path";
}
