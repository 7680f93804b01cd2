/* Unit tests: merge ordering, duplicate detection, gaps, ages and intervals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model/case.h"
#include "transform/merge.h"
#include "util/alloc.h"

static struct agency *
agency(struct kase *k, const char *id, const char *prefix)
{
	struct agency *a = case_add_agency(k);

	a->id = xstrdup(id);
	a->name = xstrdup(id);
	a->prefix = xstrdup(prefix);
	memcpy(a->colour, "FFFFFF", 7);
	return a;
}

static struct chron_return *
ret(struct kase *k, const char *agency_id)
{
	struct chron_return *cr = case_add_chron(k);

	cr->agency = xstrdup(agency_id);
	cr->file = xstrdup(agency_id);
	return cr;
}

static struct event *
ev(struct chron_return *cr, const char *date, const char *time, unsigned seq,
    const char *what, const char *people)
{
	struct event *e = chron_add_event(cr);
	char err[256], *p, *s, *save = NULL;

	if (date_parse(date, &e->start, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	if (time && time_parse(time, &e->start_time, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	e->seq = seq;
	e->what = xstrdup(what);
	e->pos.line = (unsigned)cr->nev;
	if (people) {
		s = xstrdup(people);
		for (p = strtok_r(s, " ", &save); p; p = strtok_r(NULL, " ", &save))
			strlist_add(&e->people, p);
		free(s);
	}
	return e;
}

static struct kase *
base(void)
{
	struct kase *k = case_new();
	struct person *c = case_add_person(k);
	char err[128];

	k->ref = xstrdup("T-1");
	k->child = xstrdup("P01");
	c->id = xstrdup("P01");
	c->role = xstrdup("Child");
	date_parse("03/06/2022", &c->dob, err, sizeof(err));
	agency(k, "csc", "CSC");
	agency(k, "police", "POL");
	agency(k, "hv", "HV");
	return k;
}

/* The merged order as a string of the events' 'what' texts. */
static void
order(const struct chronology *c, char *out, size_t n)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < c->nrows; i++) {
		strncat(out, c->rows[i].ev->what, n - strlen(out) - 1);
		if (i + 1 < c->nrows)
			strncat(out, " ", n - strlen(out) - 1);
	}
}

static void
test_order(void **state)
{
	struct kase *k = base();
	struct chron_return *pol, *csc, *hv;
	struct merge_opts mo = { 0, 28 };
	struct chronology *c;
	char got[256];

	(void)state;
	pol = ret(k, "police");
	csc = ret(k, "csc");
	hv = ret(k, "hv");
	ev(pol, "14/03/2024", "23:40", 0, "p-late", NULL);
	ev(pol, "15/03/2024", NULL, 0, "p-next", NULL);
	ev(csc, "14/03/2024", "09:00", 0, "c-morning", NULL);
	ev(csc, "14/03/2024", NULL, 0, "c-notime", NULL);
	ev(hv, "March 2024", NULL, 0, "h-month", NULL);
	ev(hv, "2024", NULL, 0, "h-year", NULL);
	ev(hv, "01/03/2024", NULL, 0, "h-first", NULL);
	c = merge_case(k, &mo);
	order(c, got, sizeof(got));
	/* The year sorts from 1 Jan; the month before its first day;
	 * a missing time at the start of the day (never shown). */
	assert_string_equal(got, "h-year h-month h-first c-notime c-morning "
	    "p-late p-next");
	chronology_free(c);
	case_free(k);
}

static void
test_seq_and_agency_order(void **state)
{
	struct kase *k = base();
	struct chron_return *pol, *csc;
	struct merge_opts mo = { 0, 28 };
	struct chronology *c;
	char got[256];

	(void)state;
	pol = ret(k, "police");
	csc = ret(k, "csc");
	ev(pol, "14/03/2024", NULL, 1, "p1", NULL);
	ev(pol, "14/03/2024", NULL, 3, "p3", NULL);
	ev(csc, "14/03/2024", NULL, 2, "c2", NULL);
	ev(csc, "14/03/2024", NULL, 3, "c3", NULL);
	ev(csc, "14/03/2024", NULL, 0, "c-noseq", NULL);
	c = merge_case(k, &mo);
	order(c, got, sizeof(got));
	/* seq across agencies; ties by manifest order (csc first);
	 * c-noseq keeps its place after c3 in its own return. */
	assert_string_equal(got, "p1 c2 c3 c-noseq p3");
	chronology_free(c);
	case_free(k);
}

static void
test_never_reorder_own_rows(void **state)
{
	struct kase *k = base();
	struct chron_return *pol;
	struct merge_opts mo = { 0, 28 };
	struct chronology *c;
	char got[256];

	(void)state;
	pol = ret(k, "police");
	ev(pol, "14/03/2024", NULL, 5, "first", NULL);
	ev(pol, "14/03/2024", NULL, 2, "second", NULL);
	ev(pol, "14/03/2024", NULL, 9, "third", NULL);
	c = merge_case(k, &mo);
	order(c, got, sizeof(got));
	assert_string_equal(got, "first second third");
	chronology_free(c);
	case_free(k);
}

static void
test_duplicates(void **state)
{
	struct kase *k = base();
	struct chron_return *pol, *csc, *hv;
	struct merge_opts mo = { 0, 28 };
	struct chronology *c;
	size_t i;

	(void)state;
	pol = ret(k, "police");
	csc = ret(k, "csc");
	hv = ret(k, "hv");
	ev(pol, "02/05/2023", "23:40", 0, "Police attended domestic abuse "
	    "incident at the family home; mother reported assault by partner",
	    "P01 P02 P03");
	ev(csc, "02/05/2023", NULL, 0, "PPN received from police: domestic "
	    "abuse incident at the family home, mother assaulted by partner",
	    "P02 P03");
	/* Same day, shared people, unrelated text: not a duplicate. */
	ev(hv, "02/05/2023", NULL, 0, "Routine weight check at clinic; "
	    "growth on the 50th centile", "P01");
	/* Same text, same agency, next day: not a duplicate. */
	ev(pol, "03/05/2023", NULL, 0, "Police attended domestic abuse "
	    "incident at the family home; mother reported assault by partner",
	    "P01 P02 P03");
	/* Similar text, different day: not a duplicate. */
	ev(csc, "04/05/2023", NULL, 0, "Police attended domestic abuse "
	    "incident at the family home", "P02");
	c = merge_case(k, &mo);
	assert_int_equal(c->ndup, 1);
	for (i = 0; i < c->nrows; i++) {
		const char *w = c->rows[i].ev->what;
		int expect = (strncmp(w, "Police", 6) == 0 &&
		    c->rows[i].ag->prefix[0] == 'P' &&
		    c->rows[i].ev->start.d == 2) || strncmp(w, "PPN", 3) == 0;

		assert_int_equal(c->rows[i].dup != 0, expect);
	}
	chronology_free(c);
	case_free(k);
}

/* A group takes one row per agency: a second row of an agency already
 * in it is left for a later group. */
static void
test_duplicates_one_per_agency(void **state)
{
	static const char what[] = "Strategy discussion about bruising "
	    "seen at nursery; section 47 enquiry agreed";
	/* Police, CSC, CSC, health visiting, police; an hour apart. */
	static const struct { unsigned ag; const char *time; unsigned dup; }
	    row[] = { { 0, "09:00", 1 }, { 1, "10:00", 1 }, { 1, "11:00", 2 },
	    { 2, "12:00", 1 }, { 0, "13:00", 2 } };
	static const char *const ags[] = { "police", "csc", "hv" };
	struct chron_return *cr[3];
	struct merge_opts mo = { 0, 28 };
	struct kase *k = base();
	struct chronology *c;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		cr[i] = ret(k, ags[i]);
	for (i = 0; i < 5; i++)
		ev(cr[row[i].ag], "02/05/2023", row[i].time, 0, what, "P01 P02");
	c = merge_case(k, &mo);
	assert_int_equal(c->nrows, 5);
	assert_int_equal(c->ndup, 2);
	for (i = 0; i < c->nrows; i++)
		assert_int_equal(c->rows[i].dup, row[i].dup);
	chronology_free(c);
	case_free(k);
}

static void
test_similarity(void **state)
{
	struct event a, b;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.what = "Home visit: the child was seen";
	b.what = "HOME VISIT, child seen!";
	assert_true(event_similarity(&a, &b) > 0.7);
	b.what = "Strategy discussion held";
	assert_true(event_similarity(&a, &b) < 0.01);
	b.what = NULL;
	assert_true(event_similarity(&a, &b) < 0.01);
	a.what = NULL;
	assert_true(event_similarity(&a, &b) < 0.01);
}

static void
test_gaps_ages_intervals(void **state)
{
	struct kase *k = base();
	struct chron_return *hv;
	struct merge_opts mo = { 0, 28 };
	struct chronology *c;
	char err[128];

	(void)state;
	date_parse("01/01/2024", &k->period_from, err, sizeof(err));
	date_parse("30/06/2024", &k->period_to, err, sizeof(err));
	hv = ret(k, "hv");
	ev(hv, "10/01/2024", NULL, 0, "a", NULL);	/* 9 days: no gap */
	ev(hv, "20/01/2024", NULL, 0, "b", NULL);
	ev(hv, "March 2024", NULL, 0, "c", NULL);	/* Feb: 40-day gap */
	ev(hv, "25/06/2024", NULL, 0, "d", NULL);	/* Apr-Jun gap */
	c = merge_case(k, &mo);
	assert_int_equal(c->ngaps, 2);
	assert_int_equal(c->gaps[0].from, days_from_civil(2024, 1, 21));
	assert_int_equal(c->gaps[0].to, days_from_civil(2024, 2, 29));
	assert_int_equal(c->gaps[1].from, days_from_civil(2024, 4, 1));
	assert_int_equal(c->gaps[1].to, days_from_civil(2024, 6, 24));
	assert_string_equal(c->rows[0].age, "1y 7m");
	assert_int_equal(c->rows[0].interval, -1);
	assert_int_equal(c->rows[1].interval, 10);
	assert_string_equal(c->rows[2].age, "");	/* month only */
	assert_int_equal(c->rows[2].interval, -1);
	assert_int_equal(c->rows[3].interval, -1);
	chronology_free(c);
	mo.gap_days = 60;
	c = merge_case(k, &mo);
	assert_int_equal(c->ngaps, 1);
	chronology_free(c);
	case_free(k);
}

static void
test_key_only_and_notes(void **state)
{
	struct kase *k = base();
	struct chron_return *hv;
	struct merge_opts mo = { 1, 28 };
	struct chronology *c;
	struct event *e;

	(void)state;
	hv = ret(k, "hv");
	ev(hv, "10/01/2024", NULL, 0, "key", NULL)->child_seen = TRI_YES;
	e = ev(hv, "11/01/2024", NULL, 0, "background", NULL);
	e->sig = SIG_BACKGROUND;
	e->voice = TRI_YES;
	e = ev(hv, "12/01/2024", NULL, 0, "note", NULL);
	e->note = 1;
	c = merge_case(k, &mo);
	assert_int_equal(c->nrows, 1);
	/* Figures count every contact, author notes excepted. */
	assert_int_equal(c->stats[2].contacts, 2);
	assert_int_equal(c->stats[2].seen_yes, 1);
	assert_int_equal(c->stats[2].voice_yes, 1);
	assert_int_equal(c->stats[0].has_return, 0);
	chronology_free(c);
	case_free(k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_seq_and_agency_order),
		cmocka_unit_test(test_never_reorder_own_rows),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_duplicates_one_per_agency),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_gaps_ages_intervals),
		cmocka_unit_test(test_key_only_and_notes),
	};

	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
