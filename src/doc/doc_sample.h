/* A sample document that uses every feature of the tree. */
#ifndef CSPR_DOC_SAMPLE_H
#define CSPR_DOC_SAMPLE_H

#include "doc.h"

struct doc	*doc_sample(void);

#endif
