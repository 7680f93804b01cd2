/* The case model: manifest, register of people, agencies and their returns. */
#ifndef CSPR_CASE_H
#define CSPR_CASE_H

#include <stdio.h>

#include "date.h"
#include "dateview.h"
#include "../util/diag.h"

/* yes / no / not recorded */
enum tri {
	TRI_UNKNOWN = 0,
	TRI_NO,
	TRI_YES
};

enum review_kind {
	REVIEW_RAPID,		/* "rapid-review" */
	REVIEW_LCSPR		/* "lcspr" */
};

enum significance {
	SIG_KEY = 0,		/* "key": in the key-events chronology */
	SIG_BACKGROUND		/* "background" */
};

struct strlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

/*
 * A person in the register: what anonymisation works from. Every string
 * by which the person could be recognised belongs in names or aliases;
 * the pseudonym (or the role) is what published text shows instead.
 */
struct person {
	char		*id;		/* register id, e.g. "P01" */
	char		*role;		/* "Mother", "Health Visitor 1" */
	char		*pseudonym;	/* "Child A", "Gabriel"; may be NULL */
	struct strlist	 names;		/* full real names, as written */
	struct strlist	 aliases;	/* nicknames, other spellings, ... */
	struct cdate	 dob;
	char		*sex;
	char		*ethnicity;
	char		*disability;
	char		*relationship;	/* to the child: "subject", "mother" */
	char		*agency;	/* practitioners: their agency id */
	struct srcpos	 pos;
};

/*
 * A place or organisation that would identify the family (school,
 * nursery, GP surgery, street, estate, town): anonymised like a person.
 */
struct place {
	char		*id;		/* register id, e.g. "L01" */
	char		*kind;		/* "school", "street", ... */
	char		*replacement;	/* what published text shows */
	struct strlist	 names;
	struct strlist	 aliases;
	struct srcpos	 pos;
};

/* A reference pattern the partnership wants replaced (police, court,
 * case-system ids): a PCRE2 regular expression and its neutral label. */
struct idpattern {
	char		*label;
	char		*regex;
	struct srcpos	 pos;
};

/* The <publication> settings of case.xml. */
struct pubconf {
	char		*name;		/* the published case name ("Child
					 * R"), or NULL: see case_pubname */
	enum date_mode	 dates;
	struct strlist	 allow;		/* words agreed as safe to publish */
	struct idpattern *ids;
	size_t		 nids, idcap;
	struct srcpos	 pos;
};

struct agency {
	char		*id;		/* "police" */
	char		*name;		/* "Northshire Police" */
	char		*prefix;	/* "POL": the text cue in tables */
	char		 colour[7];	/* "RRGGBB" fill */
	struct srcpos	 pos;
};

struct event {
	unsigned	 seq;		/* orders same-day rows; 0 if none */
	struct cdate	 start;
	struct ctime	 start_time;
	struct cdate	 end;
	struct ctime	 end_time;
	char		*source;	/* the record it comes from */
	char		*category;
	char		*what;		/* what happened */
	char		*action;	/* action or outcome */
	char		*analysis;	/* analysis or impact */
	enum tri	 child_seen;
	enum tri	 voice;		/* child's voice recorded */
	struct strlist	 people;	/* register ids */
	char		*practitioner;	/* practitioner role */
	int		 kpe;		/* key practice episode marker */
	enum significance sig;
	int		 note;		/* author note: source starts with '#' */
	struct srcpos	 pos;		/* the row or element */
};

struct chron_return {
	char		*file;		/* path as given */
	char		*agency;	/* agency id */
	char		*author;	/* author role */
	struct srcpos	 pos;
	struct event	*ev;
	size_t		 nev;
	size_t		 cap;
};

struct scoping_return {
	char		*file;
	char		*agency;
	char		*author;	/* author role */
	struct cdate	 period_from, period_to;
	enum tri	 involved;
	struct cdate	 involved_from, involved_to;
	struct cdate	 received;	/* when the return reached the unit */
	char		*services;	/* services provided */
	char		*summary;	/* summary of involvement */
	char		*concerns;	/* concerns known */
	char		*actions;	/* actions taken */
	char		*immediate;	/* immediate safeguarding actions */
	char		*learning;	/* learning already identified */
	char		*good_practice;
	enum tri	 records_secured;
	char		*equality;	/* race, culture, faith, ethnicity, disability */
	struct srcpos	 pos;
};

/* The three statutory partners, each with one vote on an LCSPR. */
enum partner {
	PARTNER_LA,		/* "local-authority" */
	PARTNER_POLICE,		/* "police" */
	PARTNER_ICB,		/* "icb" */
	NPARTNERS
};

struct criterion {
	char		*name;		/* the LCSPR criterion considered */
	char		*met;		/* "yes", "no", "partly" */
	char		*evidence;
};

/* An action-plan row; SMART when it has an owner, a date and a measure. */
struct action {
	char		*what;
	char		*owner;		/* an agency id, or a named body */
	struct cdate	 by;
	char		*measure;	/* how success is measured */
	struct srcpos	 pos;
};

/* A narrative section the reviewer wrote: review/<key>.md. */
struct narrative {
	char		*key;		/* "summary", "lived-experience", ... */
	char		*file;
	char		*markdown;	/* the text, UTF-8 checked */
};

/* The reviewer's own material (review/ in the case folder). */
struct review {
	char		*file;		/* review/review.xml, if read */
	enum tri	 lcspr;		/* the decision */
	enum tri	 vote[NPARTNERS];
	char		*why[NPARTNERS]; /* each partner's rationale */
	char		*rationale;	/* the decision's, against the criteria */
	char		*disagreement;
	struct criterion *crit;
	size_t		 ncrit, critcap;
	struct strlist	 kloe;		/* key lines of enquiry */
	struct strlist	 recs;		/* recommendations */
	struct action	*act;
	size_t		 nact, actcap;
	struct narrative *nar;
	size_t		 nnar, narcap;
};

/* The review's dates: what happened, and the steps the statutory
 * timescales run from and to (see src/transform/timescales.h). */
struct case_dates {
	struct cdate	 incident, awareness, referral, notification,
			 meeting, decision;
	struct cdate	 scoping_request;	/* scoping template sent */
	struct cdate	 report;		/* RR report sent to the Panel */
	struct cdate	 lcspr_complete;
	struct cdate	 copied;	/* final report to Panel, Ofsted, DfE */
	struct cdate	 publication;	/* planned or actual */
	int		 copy_days;	/* working days copied before
					 * publication (default 7) */
};

struct kase {
	char		*dir;		/* the case folder */
	char		*manifest;	/* path of case.xml */
	char		*ref;		/* case reference, e.g. "NSCP-2025-014" */
	char		*partnership;
	enum review_kind kind;
	char		*child;		/* register id of the subject child */
	struct case_dates dates;
	struct cdate	 period_from, period_to;
	struct agency	*ag;
	size_t		 nag, agcap;
	struct person	*pp;
	size_t		 npp, ppcap;
	struct place	*pl;		/* places and organisations */
	size_t		 npl, plcap;
	struct pubconf	 pub;
	struct chron_return *cr;
	size_t		 ncr, crcap;
	struct scoping_return *sr;
	size_t		 nsr, srcap;
	struct review	 review;
	struct srcpos	 pos;
	struct strlist	 files;		/* every path read: positions point here */
};

void		 strlist_add(struct strlist *l, const char *s);
void		 strlist_free(struct strlist *l);

struct kase	*case_new(void);
void		 case_free(struct kase *k);		/* accepts NULL */
struct agency	*case_add_agency(struct kase *k);	/* zeroed */
struct person	*case_add_person(struct kase *k);
struct place	*case_add_place(struct kase *k);
struct idpattern *case_add_idpattern(struct kase *k);
struct chron_return *case_add_chron(struct kase *k);
struct scoping_return *case_add_scoping(struct kase *k);
struct event	*chron_add_event(struct chron_return *cr);
void		 chron_return_free(struct chron_return *cr);	/* contents */
void		 scoping_return_free(struct scoping_return *sr);

struct criterion *review_add_criterion(struct review *r);	/* zeroed */
struct action	*review_add_action(struct review *r);
struct narrative *review_add_narrative(struct review *r);
/* The narrative called key, or NULL. */
const struct narrative *review_narrative(const struct review *r,
		    const char *key);
/* "local-authority", "police", "icb" and their display names. */
const char	*partner_id(enum partner p);
/* The narrative sections a reviewer can write, as review/<key>.md;
 * NULL-terminated. */
extern const char *const review_sections[];
const char	*partner_name(enum partner p);

/* What published documents call the case: <publication name>, else
 * the subject child's pseudonym, else "the case". Never its reference,
 * which may carry a family name. */
const char	*case_pubname(const struct kase *k);

const struct agency *case_agency(const struct kase *k, const char *id);
const struct person *case_person(const struct kase *k, const char *id);
/* The first place with that id, or NULL. */
const struct place *case_place(const struct kase *k, const char *id);

/* tri from "yes"/"no"/"y"/"n"/"true"/"false"/"unknown"/""; -1 if none. */
int		 tri_parse(const char *s, enum tri *out);
const char	*tri_name(enum tri t);	/* "yes", "no", "unknown" */

/*
 * Loads CASE/case.xml, then every CASE/chronology/ *.xml|*.md and
 * CASE/scoping/ *.xml|*.md in name order. Reports every problem found
 * through dg; returns NULL only if nothing usable could be read (no
 * manifest). Check dg->nerrors for errors.
 */
struct kase	*case_load(const char *dir, struct diag_ctx *dg);

/*
 * The files of case folder dir that case_load reads, and nothing else,
 * in a fixed order: case.xml, then chronology/, scoping/ and review/,
 * each in name order; regular files only, never through a symbolic
 * link. Paths are dir/<relative path>. What the build stamp is made
 * from (so an attachment or a linked folder costs nothing).
 */
void		 case_input_files(const char *dir, struct strlist *out);

/* Indented text dump, for golden tests and `cspr dump --stage case`. */
void		 case_dump(FILE *out, const struct kase *k);

#endif
