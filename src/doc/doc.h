/* The document tree: what every backend renders, built by the document builders. */
#ifndef CSPR_DOC_H
#define CSPR_DOC_H

#include <stdint.h>
#include <stdio.h>

/*
 * Shape of a tree:
 *
 *   DOC_ROOT
 *     DOC_SECTION            (landscape and title page flags; a new page
 *                             starts each one)
 *       DOC_HEADING level 1-3   inlines
 *       DOC_PARA                inlines
 *       DOC_LIST (ordered flag)
 *         DOC_ITEM              blocks (PARA, nested LIST)
 *       DOC_TABLE (ncols, colw[])
 *         DOC_ROW (header flag, keep flag)
 *           DOC_CELL (shade)    blocks (PARA)
 *       DOC_PAGEBREAK
 *       DOC_IMAGE               (text: PNG path; alt; width_mm), a block
 *                               of a section only
 *       DOC_TOC                 (text: its title; level: the deepest
 *                               heading listed, 3 unless set) the
 *                               contents: the headings that are blocks
 *                               of a section
 *
 *   inlines: DOC_TEXT (bold/italic flags, text), DOC_LINEBREAK,
 *            DOC_LINK (url) containing DOC_TEXT
 *
 * All text is well-formed UTF-8 without control characters other than
 * tab: doc_text() sanitises whatever it is given.
 */
enum doc_type {
	DOC_ROOT,
	DOC_SECTION,
	DOC_HEADING,
	DOC_PARA,
	DOC_LIST,
	DOC_ITEM,
	DOC_TABLE,
	DOC_ROW,
	DOC_CELL,
	DOC_PAGEBREAK,
	DOC_TEXT,
	DOC_LINEBREAK,
	DOC_LINK,
	DOC_IMAGE,
	DOC_TOC
};

#define DOC_BOLD	0x01u	/* TEXT */
#define DOC_ITALIC	0x02u	/* TEXT */
#define DOC_LANDSCAPE	0x04u	/* SECTION */
#define DOC_ORDERED	0x08u	/* LIST */
#define DOC_HEADER	0x10u	/* ROW: header row, repeats on every page */
#define DOC_KEEP	0x20u	/* ROW: do not split across pages */
#define DOC_SMALL	0x40u	/* TABLE: set in the smaller table text size */
#define DOC_LAYOUT	0x100u	/* TABLE: lays out boxes, holds no data: no
				 * header row, not tagged as a table */
#define DOC_TITLEPAGE	0x80u	/* SECTION: a title page, its blocks set a
				 * third of the way down a page of their own */
#define DOC_TITLEDROP	0.3	/* ... that is, this much of the body height */
#define DOC_TITLE	0x400u	/* HEADING: the document's own title (level
				 * 1): the Title style, tagged H1, never an
				 * entry of its own contents */
#define DOC_KEEPNEXT	0x800u	/* PARA: a label, kept on the page of what
				 * follows it */
#define DOC_GEN		0x200u	/* TEXT: made by cspr from the case's
				 * structure (labels, dates, counts), never
				 * from what someone wrote: the anonymiser's
				 * detectors do not read it (a generated
				 * "D1" is no postcode, "April 2025" no
				 * name), and it is made for the audience */

struct arena;

/* 64 bytes on LP64: a 50,000-row chronology has some two million nodes. */
struct doc_node {
	struct doc_node	*parent;
	struct doc_node	*first;
	struct doc_node	*last;
	struct doc_node	*next;
	char		*text;		/* TEXT: the text; LINK: the URL;
					 * IMAGE: the PNG file's path;
					 * TOC: its title */
	unsigned char	 type;		/* enum doc_type */
	unsigned char	 level;		/* HEADING: 1..3 */
	unsigned short	 flags;
	uint32_t	 id;		/* 0 the root's, then 1, 2, ... in
					 * the order made: below
					 * doc_node_count, for a renderer's
					 * tables by node */
	union {
		struct {			/* IMAGE */
			char	*alt;		/* alternative text */
			double	 width_mm;	/* printed width */
		};
		struct {			/* TABLE */
			unsigned  ncols;
			unsigned *colw;		/* relative column widths */
		};
		char	 shade[7];		/* CELL: "RRGGBB" fill or "" */
		struct {			/* ROOT */
			struct arena *arena;	/* where nodes live */
			uint32_t  nnodes;	/* ids given */
			uint32_t  nimages;	/* IMAGE nodes made: no
						 * fewer than the tree
						 * holds */
		};
	};
};

/* Document-wide properties; all strings owned by the doc. */
struct doc {
	struct doc_node	*root;		/* it and every node in arena */
	char		*title;		/* shown by viewers; also header text */
	char		*subject;
	char		*keywords;
	char		*lang;		/* "en-GB" */
	char		*creator;	/* the partnership, never a person */
	char		*marking;	/* e.g. "OFFICIAL-SENSITIVE", or NULL */
	char		*date;		/* ISO 8601 "YYYY-MM-DD" from the case */
	int		 draft;		/* print DRAFT in headers */
	struct arena	*arena;
	char		 digest[33];	/* doc_seal's, or "" */
};

struct doc	*doc_new(void);
void		 doc_free(struct doc *d);		/* accepts NULL */
/* Every node's id is below this. */
size_t		 doc_node_count(const struct doc *d);
void		 doc_set(char **field, const char *value); /* sanitised copy */

/* A new node of type appended to parent: nodes live in the arena of
 * parent's document and are freed with it, never one by one. */
struct doc_node	*doc_node_add(struct doc_node *parent, enum doc_type type);

/* Builders: each appends a new node to parent and returns it. */
struct doc_node	*doc_section(struct doc_node *root, unsigned flags);
struct doc_node	*doc_heading(struct doc_node *sec, unsigned level,
		    const char *text);
struct doc_node	*doc_para(struct doc_node *parent);
struct doc_node	*doc_text(struct doc_node *para, const char *text,
		    unsigned flags);
/* A paragraph per "\n\n"-separated block of text; "\n" inside a block
 * becomes a line break. Returns the last paragraph. */
struct doc_node	*doc_paras(struct doc_node *parent, const char *text,
		    unsigned flags);
struct doc_node	*doc_linebreak(struct doc_node *para);
struct doc_node	*doc_link(struct doc_node *para, const char *url,
		    const char *text);
struct doc_node	*doc_list(struct doc_node *parent, unsigned flags);
struct doc_node	*doc_item(struct doc_node *list);
struct doc_node	*doc_table(struct doc_node *parent, unsigned ncols,
		    const unsigned *colw, unsigned flags);
struct doc_node	*doc_row(struct doc_node *table, unsigned flags);
/* A cell holding one paragraph of text (NULL for an empty one). */
struct doc_node	*doc_cell(struct doc_node *row, const char *text,
		    unsigned textflags, const char *shade);
/* A cell with no blocks yet: the caller adds at least one paragraph. */
struct doc_node	*doc_cell_blocks(struct doc_node *row, const char *shade);
struct doc_node	*doc_pagebreak(struct doc_node *parent);
/* A PNG image as a block of its own, with alternative text (required:
 * readers of every format rely on it). */
struct doc_node	*doc_image(struct doc_node *parent, const char *path,
		    const char *alt, double width_mm);
/* The contents, titled title, listing every heading of the document. */
struct doc_node	*doc_toc(struct doc_node *sec, const char *title);

/* The plain text of a subtree, inlines joined (caller frees). */
char		*doc_plain(const struct doc_node *n);

struct hash;
/* Feeds everything a backend renders from d into h (doc_hash.c). */
void		 doc_hash(const struct doc *d, struct hash *h);
/* The hex digest of doc_hash (33 bytes): the one doc_seal stored, or
 * worked out now. A tree is sealed once it is complete, for the build's
 * stamp; sealing only reads the tree (but for the digest), so it may
 * run beside the renderers, which do not read the digest. */
void		 doc_digest(const struct doc *d, char out[33]);
void		 doc_seal(struct doc *d);	/* d must not change after */

/* Indented text dump, for golden tests and `cspr dump --stage doc`. */
void		 doc_dump(FILE *out, const struct doc *d);

#endif
