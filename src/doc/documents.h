/* The document builders: each turns the case (and its merged chronology) into a document tree. */
#ifndef CSPR_DOCUMENTS_H
#define CSPR_DOCUMENTS_H

#include "doc.h"
#include "../transform/merge.h"

/* The integrated key-events chronology: legend, figures, gaps, and a
 * landscape table with a row per event shaded by agency. logo is a PNG
 * path or NULL. */
struct doc	*chron_doc(const struct chronology *c, const char *logo);

#endif
