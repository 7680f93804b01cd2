/* The merged chronology written out: a text dump for tests and the documented XML. */
#include "merge.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/utf8.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

static void
iso_day(long day, char *buf, size_t n)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
}

void
chronology_dump(FILE *out, const struct chronology *c)
{
	char when[32], t[16], a[32], b[32];
	size_t i;

	fprintf(out, "chronology case=%s rows=%zu duplicate-groups=%u gaps=%zu "
	    "key-only=%d gap-days=%d\n", c->k->ref ? c->k->ref : "-", c->nrows,
	    c->ndup, c->ngaps, c->opts.key_only, c->opts.gap_days);
	for (i = 0; i < c->nstats; i++) {
		const struct mstat *s = &c->stats[i];

		fprintf(out, "  agency %s return=%s contacts=%u key=%u kpe=%u "
		    "seen=%u/%u voice=%u/%u\n", s->ag->prefix, s->has_return ?
		    "yes" : "no", s->contacts, s->key, s->kpe, s->seen_yes,
		    s->seen_no, s->voice_yes, s->voice_no);
	}
	for (i = 0; i < c->nrows; i++) {
		const struct mrow *r = &c->rows[i];

		date_format(&r->ev->start, when, sizeof(when));
		time_format(&r->ev->start_time, t, sizeof(t));
		fprintf(out, "  %3zu %-12s %-5s %-4s age=%-7s", i + 1, when, t,
		    r->ag->prefix, r->age[0] ? r->age : "-");
		if (r->interval >= 0)
			fprintf(out, " +%ldd", r->interval);
		if (r->dup)
			fprintf(out, " dup=%u", r->dup);
		if (r->ev->kpe)
			fputs(" kpe", out);
		fprintf(out, " %s:%u\n", r->cr->file, r->ev->pos.line);
	}
	for (i = 0; i < c->ngaps; i++) {
		iso_day(c->gaps[i].from, a, sizeof(a));
		iso_day(c->gaps[i].to, b, sizeof(b));
		fprintf(out, "  gap %s to %s (%ld days)\n", a, b,
		    c->gaps[i].to - c->gaps[i].from + 1);
	}
}

/* xmlTextWriter checks nothing: every string goes through utf8_sanitize. */
static int
attr(xmlTextWriterPtr w, const char *name, const char *v)
{
	char *s = utf8_sanitize(v ? v : "");
	int rc = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST s);

	free(s);
	return rc < 0 ? -1 : 0;
}

static int
attrf(xmlTextWriterPtr w, const char *name, long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", v);
	return attr(w, name, num);
}

static int
elem(xmlTextWriterPtr w, const char *name, const char *v)
{
	char *s;
	int rc;

	if (v == NULL)
		return 0;
	s = utf8_sanitize(v);
	rc = xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST s);
	free(s);
	return rc < 0 ? -1 : 0;
}

static int
write_event(xmlTextWriterPtr w, const struct mrow *r, size_t n)
{
	const struct event *e = r->ev;
	struct buf people = BUF_INIT;
	char v[32];
	size_t i;
	int rc = -1;

	if (xmlTextWriterStartElement(w, BAD_CAST "event") < 0 ||
	    attrf(w, "n", (long)n) || attr(w, "agency", r->ag->id) ||
	    attr(w, "prefix", r->ag->prefix))
		goto out;
	date_iso(&e->start, v, sizeof(v));
	if (attr(w, "start", v) ||
	    attr(w, "precision", e->start.prec == DATE_DAY ? "day" :
	    e->start.prec == DATE_MONTH ? "month" : "year") ||
	    (e->start.uncertain && attr(w, "uncertain", "yes")))
		goto out;
	time_format(&e->start_time, v, sizeof(v));
	if (*v && attr(w, "start-time", v))
		goto out;
	date_iso(&e->end, v, sizeof(v));
	if (*v && attr(w, "end", v))
		goto out;
	time_format(&e->end_time, v, sizeof(v));
	if (*v && attr(w, "end-time", v))
		goto out;
	if ((r->age[0] && attr(w, "age", r->age)) ||
	    (r->interval >= 0 && attrf(w, "interval", r->interval)) ||
	    (r->dup && attrf(w, "duplicate-group", (long)r->dup)) ||
	    attr(w, "significance", e->sig == SIG_KEY ? "key" : "background") ||
	    attr(w, "kpe", e->kpe ? "yes" : "no") ||
	    attr(w, "child-seen", tri_name(e->child_seen)) ||
	    attr(w, "voice", tri_name(e->voice)) ||
	    attr(w, "file", r->cr->file) || attrf(w, "line", e->pos.line))
		goto out;
	for (i = 0; i < e->people.n; i++)
		buf_printf(&people, "%s%s", i ? " " : "", e->people.v[i]);
	if (elem(w, "source", e->source) || elem(w, "category", e->category) ||
	    (people.len && elem(w, "people", people.data)) ||
	    elem(w, "practitioner", e->practitioner) ||
	    elem(w, "what", e->what) || elem(w, "action", e->action) ||
	    elem(w, "analysis", e->analysis) ||
	    xmlTextWriterEndElement(w) < 0)
		goto out;
	rc = 0;
out:
	buf_free(&people);
	return rc;
}

static int
write_body(xmlTextWriterPtr w, const struct chronology *c)
{
	char a[16], b[16];
	size_t i;

	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "integrated-chronology") < 0 ||
	    attr(w, "version", "1") || attr(w, "case", c->k->ref) ||
	    attr(w, "key-only", c->opts.key_only ? "yes" : "no") ||
	    attrf(w, "gap-days", c->opts.gap_days) ||
	    attrf(w, "events", (long)c->nrows) ||
	    xmlTextWriterStartElement(w, BAD_CAST "agencies") < 0)
		return -1;
	for (i = 0; i < c->nstats; i++) {
		const struct mstat *s = &c->stats[i];
		char colour[8];

		snprintf(colour, sizeof(colour), "#%s", s->ag->colour);
		if (xmlTextWriterStartElement(w, BAD_CAST "agency") < 0 ||
		    attr(w, "id", s->ag->id) || attr(w, "prefix", s->ag->prefix) ||
		    attr(w, "colour", colour) ||
		    attr(w, "return", s->has_return ? "yes" : "no") ||
		    attrf(w, "contacts", s->contacts) || attrf(w, "key", s->key) ||
		    attrf(w, "kpe", s->kpe) ||
		    attrf(w, "child-seen", s->seen_yes) ||
		    attrf(w, "child-not-seen", s->seen_no) ||
		    attrf(w, "voice-recorded", s->voice_yes) ||
		    attrf(w, "voice-not-recorded", s->voice_no))
			return -1;
		if (elem(w, "name", s->ag->name) || xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "events") < 0)
		return -1;
	for (i = 0; i < c->nrows; i++)
		if (write_event(w, &c->rows[i], i + 1) == -1)
			return -1;
	if (xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "gaps") < 0)
		return -1;
	for (i = 0; i < c->ngaps; i++) {
		iso_day(c->gaps[i].from, a, sizeof(a));
		iso_day(c->gaps[i].to, b, sizeof(b));
		if (xmlTextWriterStartElement(w, BAD_CAST "gap") < 0 ||
		    attr(w, "from", a) || attr(w, "to", b) ||
		    attrf(w, "days", c->gaps[i].to - c->gaps[i].from + 1) ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

char *
chronology_xml(const struct chronology *c)
{
	xmlBufferPtr xb = NULL;
	xmlTextWriterPtr w = NULL;
	char *res = NULL;

	if ((xb = xmlBufferCreate()) == NULL)
		goto out;
	/* Doubled as it fills, not grown to fit each write: a realloc per
	 * write is cheap only where realloc can extend in place. */
	xmlBufferSetAllocationScheme(xb, XML_BUFFER_ALLOC_DOUBLEIT);
	if ((w = xmlNewTextWriterMemory(xb, 0)) == NULL)
		goto out;
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	if (write_body(w, c) == -1)
		goto out;
	xmlFreeTextWriter(w);	/* flushes into xb */
	w = NULL;
	res = xstrdup((const char *)xmlBufferContent(xb));
out:
	xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	return res;
}
