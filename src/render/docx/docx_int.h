/* Internals of the DOCX backend shared by its files. */
#ifndef CSPR_DOCX_INT_H
#define CSPR_DOCX_INT_H

#include "../render.h"
#include "../../util/buf.h"

/* Fixed relationship ids of word/document.xml. */
/* Every part's first line. */
#define DOCX_PART_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define DOCX_RID_STYLES		"rId1"
#define DOCX_RID_SETTINGS	"rId2"
#define DOCX_RID_NUMBERING	"rId3"
#define DOCX_RID_HEADER		"rId4"
#define DOCX_RID_FOOTER		"rId5"
/* Hyperlinks are rId<DOCX_RID_LINK0 + n>, images rId<DOCX_RID_IMAGE0 + n>. */
#define DOCX_RID_LINK0		100
#define DOCX_RID_IMAGE0		100000

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* What the body needs the other parts to hold. */
struct docx_refs {
	unsigned	*ordered;	/* per list (numId - 1): 1 if numbered */
	size_t		 nlists, listcap;
	char		**urls;		/* hyperlink targets, by rId order */
	size_t		 nurls, urlcap;
	const char	**images;	/* PNG paths, word/media/image<n+1>.png */
	size_t		 nimages, imagecap;
};

/* word/document.xml, in chunks to sink(arg, ...); fills refs. 0, or -1
 * on a writer or sink error. */
int	docx_body(const struct doc *d, const struct style *st,
	    struct docx_refs *refs, int (*sink)(void *, const char *, size_t),
	    void *arg);
/* word/header1.xml and word/footer1.xml. */
int	docx_header(const struct doc *d, struct buf *out);
int	docx_footer(const struct doc *d, struct buf *out);
void	docx_refs_free(struct docx_refs *refs);

#endif
