/* A sample document that uses every feature of the tree. */
#ifndef CSPR_DOC_SAMPLE_H
#define CSPR_DOC_SAMPLE_H

#include "doc.h"

/* logo: a PNG path, or NULL for none. */
struct doc	*doc_sample(const char *logo);

#endif
