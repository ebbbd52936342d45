/*
 * var_defs.h - how each variable of a function is defined, for the
 * syntactic analyses that do not run the engine (may-sleep summaries):
 * which parameter a variable holds, and which branch sides can never
 * be taken because they test a local assigned one constant.
 *
 * Deliberately ignores the order of statements: a variable counts as
 * assigned once when the function has one assignment to it, wherever,
 * and as a constant when every assignment stores the same constant
 * (each expansion of read_poll_timeout() declares its own __sleep_us,
 * which the IR names alike).
 */
#ifndef RPMCHECK_VAR_DEFS_H
#define RPMCHECK_VAR_DEFS_H

#include <stdbool.h>

#include "ir.h"

struct var_defs {
	const struct ir_func *fn;
	int *ndefs;			/* per variable: definitions */
	const struct ir_insn **def;	/* the assignment, when one */
	unsigned char *mixed;		/* per variable: not always one constant */
	unsigned char *dead;		/* per block: bit SIDE never taken */
};

void var_defs_init(struct var_defs *vd, const struct ir_func *fn);
void var_defs_free(struct var_defs *vd);
/* The parameter VAR always holds the value of, or -1. */
int var_defs_param(const struct var_defs *vd, int var);
/* The parameter VAR still holds the value of at the end of block B (a
 * parameter reassigned only later: "if (!skb) skb = alloc()"), or -1. */
int var_defs_param_at(const struct var_defs *vd, int var, int b);
/* Is side SIDE (0: true) of block B's test never taken? */
bool var_defs_dead(const struct var_defs *vd, int b, int side);

#endif
