/* PDF layout ahead: a long table's rows broken into lines on a second thread while the pages place the rows before them. */
#include "pdf_int.h"
#include "../../util/alloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/*
 * How far the thread may run ahead of the rows placed: enough that the
 * pages seldom wait, few enough that the rows' lines stay a small
 * part of memory.
 */
#define AHEAD	64

/*
 * The thread lays out with a context of its own, holding only what
 * laying out reads (the style, the fonts, the stand-ins, the heading
 * colour: copied, or pointing at what nothing changes while it runs),
 * with the line breaker's working memory, the characters it noted and
 * its messages its own. The rest of the page flow's context is not
 * copied: other threads (the deflating) write parts of it.
 */
struct pdf_ahead {
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 more;		/* the thread may go on */
	pthread_cond_t	 ready;		/* items up to want are done (or the
					 * thread stopped or must wait) */
	struct pdf_ctx	 wc;
	struct diag_ctx	 dg;		/* its messages, held */
	pdf_ahead_fn	 fn;
	pdf_ahead_fn	 drop;
	void		*arg;
	size_t		 dropped;	/* the thread's: items before it are
					 * dropped */
	size_t		 next;		/* items before it are done */
	size_t		 to;
	size_t		 released;	/* items before it are placed */
	size_t		 failed;	/* the item fn failed on, or to */
	size_t		 want;		/* the caller waits for items before
					 * it, when waiting */
	int		 waiting;
	int		 stop;
	size_t		 seen;		/* the caller's: items before it are
					 * done and did not fail */
};

static void *
run(void *arg)
{
	struct pdf_ahead *a = arg;
	size_t i, placed;
	int rc;

	pthread_mutex_lock(&a->mu);
	for (i = a->next; i < a->to && !a->stop; i++) {
		while (!a->stop && i >= a->released + AHEAD) {
			/* Never asleep on each other, whatever the
			 * window and the release stride. */
			if (a->waiting)
				pthread_cond_signal(&a->ready);
			pthread_cond_wait(&a->more, &a->mu);
		}
		if (a->stop)
			break;
		placed = a->released;
		pthread_mutex_unlock(&a->mu);
		/* Items are freed by the thread that made them: glibc's
		 * free of another thread's block takes that arena's lock. */
		for (; a->dropped < placed; a->dropped++)
			(void)a->drop(&a->wc, a->arg, a->dropped);
		rc = a->fn(&a->wc, a->arg, i);
		pthread_mutex_lock(&a->mu);
		a->next = i + 1;
		if (a->waiting && (a->next >= a->want || rc == -1))
			pthread_cond_signal(&a->ready);
		if (rc == -1) {
			a->failed = i;
			break;
		}
	}
	a->stop = 1;
	pthread_cond_signal(&a->ready);
	pthread_mutex_unlock(&a->mu);
	return NULL;
}

struct pdf_ahead *
pdf_ahead_start(struct pdf_ctx *c, pdf_ahead_fn fn, pdf_ahead_fn drop,
    void *arg, size_t from, size_t to)
{
	struct pdf_ahead *a = xcalloc(1, sizeof(*a));

	a->wc.d = c->d;
	a->wc.st = c->st;
	memcpy(a->wc.font, c->font, sizeof(a->wc.font));
	a->wc.lb = c->lb;
	a->wc.heading_rgb = c->heading_rgb;
	a->fn = fn;
	a->drop = drop;
	a->arg = arg;
	a->next = a->released = a->seen = a->dropped = from;
	a->to = a->failed = to;
	if (diag_hold(&a->dg, c->dg) == -1) {
		free(a);
		return NULL;
	}
	a->wc.dg = &a->dg;
	if (pthread_mutex_init(&a->mu, NULL) != 0)
		goto fail_dg;
	if (pthread_cond_init(&a->more, NULL) != 0)
		goto fail_mu;
	if (pthread_cond_init(&a->ready, NULL) != 0)
		goto fail_more;
	if (pthread_create(&a->thread, NULL, run, a) != 0)
		goto fail_ready;
	return a;
fail_ready:
	pthread_cond_destroy(&a->ready);
fail_more:
	pthread_cond_destroy(&a->more);
fail_mu:
	pthread_mutex_destroy(&a->mu);
fail_dg:
	diag_discard(&a->dg);
	free(a);
	return NULL;
}

int
pdf_ahead_wait(struct pdf_ahead *a, size_t i)
{
	if (i < a->seen)
		return 0;
	pthread_mutex_lock(&a->mu);
	/* Woken once a few items are ready, not for each. */
	a->want = i + 1 + AHEAD / 4 < a->to ? i + 1 + AHEAD / 4 : a->to;
	while (a->next <= i && !a->stop) {
		a->waiting = 1;
		pthread_cond_wait(&a->ready, &a->mu);
		a->waiting = 0;
	}
	a->seen = a->next < a->failed ? a->next : a->failed;
	pthread_mutex_unlock(&a->mu);
	return i < a->seen ? 0 : -1;
}

void
pdf_ahead_release(struct pdf_ahead *a, size_t i)
{
	/* A lock every few items, not every one. */
	if (i % (AHEAD / 4) != 0)
		return;
	pthread_mutex_lock(&a->mu);
	a->released = i;
	pthread_cond_signal(&a->more);
	pthread_mutex_unlock(&a->mu);
}

void
pdf_ahead_stop(struct pdf_ahead *a, struct pdf_ctx *c)
{
	if (a == NULL)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_signal(&a->more);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thread, NULL);
	/* The rows come after what the page flow laid out before them:
	 * its first character noted stays the first. */
	if (c->missing == 0)
		c->missing = a->wc.missing;
	if (c->replaced == 0)
		c->replaced = a->wc.replaced;
	diag_release(&a->dg, c->dg);
	free(a->wc.chbuf);
	free(a->wc.spec);
	free(a->wc.chrep);
	free(a->wc.brks);
	pthread_cond_destroy(&a->ready);
	pthread_cond_destroy(&a->more);
	pthread_mutex_destroy(&a->mu);
	free(a);
}
