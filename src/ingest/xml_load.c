/* Safe loading of untrusted XML returns: size and UTF-8 checks, no DOCTYPE, parse, schema validation. */
#include "xml_load.h"
#include "field.h"
#include "limits.h"
#include "ingest.h"
#include "input.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

struct errctx {
	const char	*file;
	struct diag_ctx	*dg;
	int		 doctype;	/* a DOCTYPE was seen */
	unsigned	 doctype_line;
	unsigned	 nerr;
};

/* libxml2 messages end in a newline; diag adds its own. */
static void
report(struct errctx *ec, unsigned line, unsigned col, const char *msg)
{
	size_t n = msg ? strlen(msg) : 0;

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	ec->nerr++;
	/* A cascade after the first few says nothing new. */
	if (ec->nerr > 20)
		return;
	if (ec->nerr == 20) {
		diag_at(ec->dg, DIAG_ERROR, ec->file, line, col,
		    "too many errors; stopping here");
		return;
	}
	diag_at(ec->dg, DIAG_ERROR, ec->file, line, col, "%.*s", (int)n,
	    msg ? msg : "XML error");
}

static void
parse_error(void *user, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = user;
	struct errctx *ec = ctxt->_private;

	if (ec->doctype)	/* the DOCTYPE has been reported */
		return;
	if (e->level == XML_ERR_WARNING)
		return;
	/* libxml2's own advice (XML_PARSE_HUGE) is not the reader's. */
	if (e->code == XML_ERR_INTERNAL_ERROR && e->message != NULL &&
	    strstr(e->message, "Excessive depth") != NULL) {
		report(ec, e->line > 0 ? (unsigned)e->line : 0,
		    e->int2 > 0 ? (unsigned)e->int2 : 0, "elements nested "
		    "more than 256 deep: no return needs that; the file is "
		    "damaged or hostile");
		return;
	}
	report(ec, e->line > 0 ? (unsigned)e->line : 0,
	    e->int2 > 0 ? (unsigned)e->int2 : 0, e->message);
}

static void
schema_error(void *user, xmlErrorPtr e)
{
	struct errctx *ec = user;

	report(ec, e->line > 0 ? (unsigned)e->line : 0, 0, e->message);
}

/* Called at "<!DOCTYPE", before any declaration in it is read. */
static void
internal_subset(void *user, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = user;
	struct errctx *ec = ctxt->_private;

	(void)name;
	(void)ext;
	(void)sys;
	ec->doctype = 1;
	ec->doctype_line = ctxt->input ? (unsigned)ctxt->input->line : 0;
	xmlStopParser(ctxt);
}

static const struct cspr_schema *
find_schema(const char *name)
{
	size_t i;

	for (i = 0; cspr_schemas[i].name != NULL; i++)
		if (strcmp(cspr_schemas[i].name, name) == 0)
			return &cspr_schemas[i];
	return NULL;
}

static int
validate(xmlDocPtr doc, const char *schema, struct errctx *ec)
{
	const struct cspr_schema *s = find_schema(schema);
	xmlSchemaParserCtxtPtr pc = NULL;
	xmlSchemaPtr sch = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	int rc = -1;

	if (s == NULL || (pc = xmlSchemaNewMemParserCtxt(s->text,
	    (int)s->len)) == NULL || (sch = xmlSchemaParse(pc)) == NULL ||
	    (vc = xmlSchemaNewValidCtxt(sch)) == NULL) {
		diag(ec->dg, DIAG_ERROR, NULL, "internal error: cannot load "
		    "the %s schema", schema);
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vc, schema_error, ec);
	if (xmlSchemaValidateDoc(vc, doc) == 0)
		rc = 0;
	else if (ec->nerr == 0)
		report(ec, 0, 0, "does not match the schema");
out:
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(sch);
	xmlSchemaFreeParserCtxt(pc);
	return rc;
}

xmlDocPtr
xml_load(const char *file, const char *schema, struct diag_ctx *dg)
{
	struct errctx ec;
	struct buf data = BUF_INIT;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL, res = NULL;

	memset(&ec, 0, sizeof(ec));
	ec.file = file;
	ec.dg = dg;
	if (input_read(file, "an XML return", &data, dg) == -1)
		goto out;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag(dg, DIAG_ERROR, NULL, "out of memory");
		goto out;
	}
	ctxt->_private = &ec;
	ctxt->sax->serror = parse_error;
	ctxt->sax->internalSubset = internal_subset;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	ctxt->sax->getEntity = NULL;
	/*
	 * input_read has checked the bytes as UTF-8, libxml2's own
	 * encoding: read so, whatever the declaration says. Naming
	 * "UTF-8" here instead would have libxml2 pass the whole text
	 * through a converter that copies it.
	 */
	doc = xmlCtxtReadMemory(ctxt, data.data, (int)data.len, file, NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC);
	if (ec.doctype) {
		diag_at(dg, DIAG_ERROR, file, ec.doctype_line, 0, "DOCTYPE is "
		    "not allowed: cspr reads no DTDs or entities (remove the "
		    "<!DOCTYPE ...> declaration)");
		goto out;
	}
	if (doc == NULL || !ctxt->wellFormed) {
		if (ec.nerr == 0)
			diag_at(dg, DIAG_ERROR, file, 0, 0, "not well-formed XML");
		goto out;
	}
	if (validate(doc, schema, &ec) == -1)
		goto out;
	res = doc;
	doc = NULL;
out:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	buf_free(&data);
	return res;
}

struct srcpos
xr_pos(const struct xr *x, const xmlNode *n)
{
	struct srcpos p;

	p.file = x->file;
	p.line = n ? (unsigned)xmlGetLineNo(n) : 0;
	p.col = 0;
	return p;
}

xmlNodePtr
xr_child(const xmlNode *n, const char *name)
{
	xmlNodePtr c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

static char *
checked(struct xr *x, const xmlNode *n, char *s, const char *what)
{
	struct srcpos p;
	char max[32];
	size_t lim = x->field_max;

	if (s != NULL && strlen(s) > lim) {
		limits_show(lim, 1, max, sizeof(max));
		p = xr_pos(x, n);
		diag(x->dg, DIAG_ERROR, &p, "'%s' is larger than %s: "
		    "shorten it or split the event (or raise the limit: "
		    "CSPR_LIMITS=field=N)", what, max);
		x->bad = 1;
		free(s);
		return NULL;
	}
	return s;
}

char *
xr_attr(struct xr *x, const xmlNode *n, const char *name)
{
	xmlChar *v;
	char *s;

	if (n == NULL || (v = xmlGetProp(n, BAD_CAST name)) == NULL)
		return NULL;
	s = field_clean_line((const char *)v);
	xmlFree(v);
	return checked(x, n, s, name);
}

static char *
content(struct xr *x, const xmlNode *n, int oneline)
{
	xmlChar *v;
	char *s;

	if (n == NULL || (v = xmlNodeGetContent(n)) == NULL)
		return NULL;
	s = oneline ? field_clean_line((const char *)v) :
	    field_clean((const char *)v);
	xmlFree(v);
	return checked(x, n, s, (const char *)n->name);
}

char *
xr_text(struct xr *x, const xmlNode *n)
{
	return content(x, n, 0);
}

char *
xr_line(struct xr *x, const xmlNode *n)
{
	return content(x, n, 1);
}

void
xr_date(struct xr *x, const xmlNode *n, const char *what, const char *value,
    struct cdate *out)
{
	struct srcpos p;
	char err[256];

	if (value == NULL) {
		memset(out, 0, sizeof(*out));
		return;
	}
	if (date_parse(value, out, err, sizeof(err)) == -1) {
		p = xr_pos(x, n);
		diag(x->dg, DIAG_ERROR, &p, "%s: %s", what, err);
		x->bad = 1;
	}
}

void
xr_time(struct xr *x, const xmlNode *n, const char *what, const char *value,
    struct ctime *out)
{
	struct srcpos p;
	char err[256];

	if (value == NULL) {
		memset(out, 0, sizeof(*out));
		return;
	}
	if (time_parse(value, out, err, sizeof(err)) == -1) {
		p = xr_pos(x, n);
		diag(x->dg, DIAG_ERROR, &p, "%s: %s", what, err);
		x->bad = 1;
	}
}

void
xr_tri(struct xr *x, const xmlNode *n, const char *value, enum tri *out)
{
	struct srcpos p;

	if (tri_parse(value, out) == -1) {
		p = xr_pos(x, n);
		diag(x->dg, DIAG_ERROR, &p, "'%s' is not yes, no or unknown",
		    value);
		x->bad = 1;
	}
}
