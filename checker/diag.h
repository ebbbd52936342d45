/*
 * diag.h - warnings, their notes, and the table of rpmcheck rules.
 *
 * Warnings are collected per file, de-duplicated (one per rule and
 * location) and printed sorted by position, each followed by its notes:
 *   FILE:LINE:COL: warning: MESSAGE [-WRULE]
 *   FILE:LINE:COL: note: MESSAGE
 *
 * Deliberately ignores colour and fix-it hints.
 */
#ifndef RPMCHECK_DIAG_H
#define RPMCHECK_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "ir.h"

struct diag;

/* The rules rpmcheck knows, NULL-terminated, for -W/-Wno- and --help. */
extern const char *const diag_rule_names[];

bool diag_is_rule(const char *name);
void diag_enable(const char *name, bool on);
bool diag_enabled(const char *name);
/* Is NAME off until -WNAME turns it on? */
bool diag_opt_in(const char *name);

/* NULL when the rule is off or the warning was already given. */
struct diag *diag_warn(const char *rule, const char *file, struct ir_loc loc,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_note(struct diag *d, struct ir_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Forget pending RULE warnings whose message starts with PREFIX. */
void diag_retract(const char *rule, const char *prefix);
/* The pending FROM warning at FILE:LOC becomes a TO warning with one
 * more note, or goes when TO is off. */
void diag_move(const char *file, struct ir_loc loc, const char *from,
	       const char *to, struct ir_loc note_loc, const char *note);
/* Print and forget the pending warnings; returns how many. */
int diag_flush(FILE *out);
/* Warnings printed so far for RULE (NULL: all). */
int diag_total(const char *rule);
/* A line to stderr that is not a finding (budget, internal limits). */
void diag_remark(const char *file, struct ir_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
