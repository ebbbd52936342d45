/*
 * prefilter.h - before parsing, can a file produce a finding at all?
 *
 * A file is worth parsing when its text, or the text of a header it
 * includes with quotes ("foo.h", next to it), names an API that changes
 * a runtime PM usage count, returns get_sync's "already active", opens
 * an atomic section or registers a function that runs in atomic context
 * (all read from the rules), __must_hold, or an extra name (a helper
 * the cross-file database knows).
 *
 * Deliberately ignores names that reach the file only through macros of
 * other headers (a subsystem header's foo_lock() wrapping spin_lock()):
 * --all-files parses every file.
 */
#ifndef RPMCHECK_PREFILTER_H
#define RPMCHECK_PREFILTER_H

#include <stdbool.h>

#include "rules.h"

enum prefilter_what {
	PF_RUNTIME_PM = 1,
	PF_ATOMIC = 2,
	PF_SLEEPS = 4,
};

struct prefilter;

struct prefilter *prefilter_new(const struct rules *rules);
void prefilter_free(struct prefilter *pf);
/* NAME means WHAT (PF_ bits) too. */
void prefilter_add_name(struct prefilter *pf, const char *name,
			unsigned what);
/* Should PATH be parsed?  True also when it cannot be read (the parser
 * then says why). */
bool prefilter_wants(const struct prefilter *pf, const char *path);

#endif
