/*
 * context_internal.h - the file context's table of functions, shared by
 * context.c (entries, irq-safe devices, lock helpers) and sleep_sites.c
 * (may-sleep summaries).  Deliberately not part of context.h.
 */
#ifndef RPMCHECK_CONTEXT_INTERNAL_H
#define RPMCHECK_CONTEXT_INTERNAL_H

#include "context.h"
#include "var_defs.h"

#define MAX_SLEEP_SITES 8


struct fn_info {
	const struct ir_func *fn;
	bool has_entry;
	struct atomic_entry entry;
	struct sleep_site sites[MAX_SLEEP_SITES];	/* calls that sleep */
	int nsites;
	bool sleeps_always;	/* whatever its arguments */
	int lock_effect;
	struct atomic_entry lock;
	const struct api_rule *unlock_rule;	/* lock_effect -1: through it */
	struct var_defs vd;	/* when it has sleep sites */
	bool has_vd;
};

struct file_context {
	const struct rules *rules;
	struct fn_info *fns;
	int nfns;
	struct { const char **items; int count, alloc; } irq_safe;
	const struct xfacts *xf;	/* never NULL */
	/* registrations of functions the file does not define */
	struct { struct atomic_entry *items; int count, alloc; } foreign;
};

struct fn_info *context_info_of(const struct file_context *fc,
				const char *name);
bool context_irq_safe(const struct file_context *fc, const char *dev);
/* Record the calls of FI's function that sleep (callees done first). */
void sleep_find(const struct file_context *fc, struct fn_info *fi);
/* Does FN release a section it did not open, before opening any? */
bool sleep_drops_callers_section(const struct file_context *fc,
				 const struct ir_func *fn);

#endif
