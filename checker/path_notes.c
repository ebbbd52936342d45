/*
 * path_notes.c - explain a finding with the path that leads to it.
 *
 * A state's trail is a newest-first list of events; these helpers find
 * the reference that is still held and print the branches taken after
 * it, oldest first.  Deliberately ignores branches on the compiler's or
 * the kernel's internal variables ("__ret_warn_on") and caps the number
 * of branch notes so a long function does not drown its warning.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "rpm_status.h"
#include "util.h"

#define MAX_PATH_NOTES 6

#define MAX_MATCHED_EVENTS 256

static bool same_dev(const struct event *a, const struct event *b)
{
	return a->dev && b->dev && rpm_status_same_device(a->dev, b->dev);
}

const char *event_dev(const struct event *ev)
{
	return ev && ev->dev ? ev->dev : "?";
}

/*
 * The newest get of EVS (newest first) that no put matched, of device
 * DEV when it is not NULL.
 */
static const struct event *match_puts(const struct event **evs, int n,
				      const char *dev)
{
	bool used[MAX_MATCHED_EVENTS] = { false };
	int i, j, pass;

	/* a put drops its own device's count first, then the newest get's */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			if (evs[i]->kind != EV_PUT || used[i])
				continue;
			for (j = i + 1; j < n; j++)
				if (evs[j]->kind == EV_GET && !used[j] &&
				    (pass || same_dev(evs[i], evs[j])))
					break;
			if (j < n)
				used[i] = used[j] = true;
		}
	for (i = 0; i < n; i++)
		if (evs[i]->kind == EV_GET && !used[i] &&
		    (!dev || (evs[i]->dev &&
			      rpm_status_same_device(evs[i]->dev, dev))))
			return evs[i];
	return NULL;
}

/* The gets and puts of TRAIL, newest first, into EVS; -1 when too many. */
static int collect_counts(const struct event *trail, const struct event **evs)
{
	const struct event *ev;
	int n = 0;

	for (ev = trail; ev; ev = ev->prev) {
		if (ev->kind != EV_GET && ev->kind != EV_PUT)
			continue;
		if (n == MAX_MATCHED_EVENTS)
			return -1;
		evs[n++] = ev;
	}
	return n;
}

/*
 * The get whose reference is still held at the end of TRAIL: puts are
 * matched with a get of the same device when there is one, otherwise
 * with the newest get (a device spelled two ways).
 */
const struct event *trail_unmatched_get(const struct event *trail)
{
	const struct event *evs[MAX_MATCHED_EVENTS];
	const struct event *ev;
	int n = collect_counts(trail, evs), puts = 0;

	if (n >= 0)
		return match_puts(evs, n, NULL);
	/* too long a trail: newest get first, whatever its device */
	for (ev = trail; ev; ev = ev->prev) {
		if (ev->kind == EV_PUT)
			puts++;
		else if (ev->kind == EV_GET && puts-- == 0)
			return ev;
	}
	return NULL;
}

/* The newest unmatched get of DEV on TRAIL (NULL on a too long trail). */
const struct event *trail_unmatched_get_of(const struct event *trail,
					   const char *dev)
{
	const struct event *evs[MAX_MATCHED_EVENTS];
	int n = collect_counts(trail, evs);

	return n < 0 ? NULL : match_puts(evs, n, dev);
}

const struct event *trail_last(const struct event *trail, enum event_kind kind)
{
	for (; trail; trail = trail->prev)
		if (trail->kind == kind)
			return trail;
	return NULL;
}

void note_get(struct diag *d, const struct event *get)
{
	if (!get)
		return;
	if (get->may_fail)
		diag_note(d, get->loc,
			  "'%s' raises the usage count here, even when it fails",
			  get->what);
	else
		diag_note(d, get->loc, "'%s' raises the usage count here",
			  get->what);
}

static void note_event(struct diag *d, const struct event *ev)
{
	if (ev->kind == EV_BRANCH && (starts_with(ev->what, "case ") ||
				      !strcmp(ev->what, "default:")))
		diag_note(d, ev->loc, "taking '%s'", ev->what);
	else if (ev->kind == EV_BRANCH)
		diag_note(d, ev->loc, "taking the %s branch of '%s'",
			  ev->taken ? "true" : "false", ev->what);
	else if (ev->kind == EV_GOTO)
		diag_note(d, ev->loc, "jumping to '%s'", ev->what);
}

void note_path_after(struct diag *d, const struct event *trail,
		     const struct event *from)
{
	const struct event *list[MAX_PATH_NOTES];
	const struct event *ev;
	int n = 0;

	for (ev = trail; ev && ev != from; ev = ev->prev) {
		if ((ev->kind != EV_BRANCH && ev->kind != EV_GOTO) || ev->quiet)
			continue;
		if (n == MAX_PATH_NOTES)
			break;
		list[n++] = ev;
	}
	while (n--)
		note_event(d, list[n]);
}
