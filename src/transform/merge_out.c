/* The merged chronology written out: a text dump for tests and the documented XML. */
#include "merge.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xw.h"

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

/* The writer expects UTF-8: every string goes through utf8_sanitize. */
static void
attr(struct xw *w, const char *name, const char *v)
{
	char *s = utf8_sanitize(v ? v : "");

	xw_attr(w, name, s);
	free(s);
}

static void
elem(struct xw *w, const char *name, const char *v)
{
	char *s;

	if (v == NULL)
		return;
	s = utf8_sanitize(v);
	xw_start(w, name);
	xw_text(w, s);
	xw_end(w);
	free(s);
}

static void
write_event(struct xw *w, const struct mrow *r, size_t n)
{
	const struct event *e = r->ev;
	struct buf people = BUF_INIT;
	char v[32];
	size_t i;

	xw_start(w, "event");
	xw_attrn(w, "n", (long)n);
	attr(w, "agency", r->ag->id);
	attr(w, "prefix", r->ag->prefix);
	date_iso(&e->start, v, sizeof(v));
	attr(w, "start", v);
	attr(w, "precision", e->start.prec == DATE_DAY ? "day" :
	    e->start.prec == DATE_MONTH ? "month" : "year");
	if (e->start.uncertain)
		attr(w, "uncertain", "yes");
	time_format(&e->start_time, v, sizeof(v));
	if (*v)
		attr(w, "start-time", v);
	date_iso(&e->end, v, sizeof(v));
	if (*v)
		attr(w, "end", v);
	time_format(&e->end_time, v, sizeof(v));
	if (*v)
		attr(w, "end-time", v);
	if (r->age[0])
		attr(w, "age", r->age);
	if (r->interval >= 0)
		xw_attrn(w, "interval", r->interval);
	if (r->dup)
		xw_attrn(w, "duplicate-group", (long)r->dup);
	attr(w, "significance", e->sig == SIG_KEY ? "key" : "background");
	attr(w, "kpe", e->kpe ? "yes" : "no");
	attr(w, "child-seen", tri_name(e->child_seen));
	attr(w, "voice", tri_name(e->voice));
	attr(w, "file", r->cr->file);
	xw_attrn(w, "line", e->pos.line);
	for (i = 0; i < e->people.n; i++)
		buf_printf(&people, "%s%s", i ? " " : "", e->people.v[i]);
	elem(w, "source", e->source);
	elem(w, "category", e->category);
	if (people.len)
		elem(w, "people", people.data);
	elem(w, "practitioner", e->practitioner);
	elem(w, "what", e->what);
	elem(w, "action", e->action);
	elem(w, "analysis", e->analysis);
	xw_end(w);
	buf_free(&people);
}

static void
write_body(struct xw *w, const struct chronology *c)
{
	char a[16], b[16], colour[8];
	size_t i;

	xw_start(w, "integrated-chronology");
	attr(w, "version", "1");
	attr(w, "case", c->k->ref);
	attr(w, "key-only", c->opts.key_only ? "yes" : "no");
	xw_attrn(w, "gap-days", c->opts.gap_days);
	xw_attrn(w, "events", (long)c->nrows);
	xw_start(w, "agencies");
	for (i = 0; i < c->nstats; i++) {
		const struct mstat *s = &c->stats[i];

		snprintf(colour, sizeof(colour), "#%s", s->ag->colour);
		xw_start(w, "agency");
		attr(w, "id", s->ag->id);
		attr(w, "prefix", s->ag->prefix);
		attr(w, "colour", colour);
		attr(w, "return", s->has_return ? "yes" : "no");
		xw_attrn(w, "contacts", s->contacts);
		xw_attrn(w, "key", s->key);
		xw_attrn(w, "kpe", s->kpe);
		xw_attrn(w, "child-seen", s->seen_yes);
		xw_attrn(w, "child-not-seen", s->seen_no);
		xw_attrn(w, "voice-recorded", s->voice_yes);
		xw_attrn(w, "voice-not-recorded", s->voice_no);
		elem(w, "name", s->ag->name);
		xw_end(w);
	}
	xw_end(w);
	xw_start(w, "events");
	for (i = 0; i < c->nrows; i++)
		write_event(w, &c->rows[i], i + 1);
	xw_end(w);
	xw_start(w, "gaps");
	for (i = 0; i < c->ngaps; i++) {
		iso_day(c->gaps[i].from, a, sizeof(a));
		iso_day(c->gaps[i].to, b, sizeof(b));
		xw_start(w, "gap");
		attr(w, "from", a);
		attr(w, "to", b);
		xw_attrn(w, "days", c->gaps[i].to - c->gaps[i].from + 1);
		xw_end(w);
	}
	xw_end(w);
	xw_end(w);
}

char *
chronology_xml(const struct chronology *c)
{
	static const char decl[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
	struct xw w;
	char *res = NULL;

	xw_init(&w, NULL, NULL);
	w.indent = 1;
	xw_raw(&w, decl, sizeof(decl) - 1);
	write_body(&w, c);
	if (xw_finish(&w) == 0) {
		buf_putc(&w.buf, '\n');
		res = buf_detach(&w.buf);
	}
	xw_free(&w);
	return res;
}
