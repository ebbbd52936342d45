/*
 * xfile.h - cross-file facts: what checking one file teaches about its
 * exported functions, written to the database (db.h), and read back
 * when another file calls them or registers them.
 *
 * Four kinds of fact:
 *   "rpm"    a non-static function's usage-count summary (summary.h);
 *   "sleep"  a non-static function that may sleep whatever its
 *            arguments, and the call through which it does;
 *   "entry"  a function of another file that this file registers as a
 *            hard IRQ handler, timer callback or tasklet;
 *   "unlock" a non-static function that only releases a lock, and the
 *            unlock API it uses (spin_unlock_bh: bottom halves too).
 *
 * Deliberately ignores facts that disagree: when several files define
 * the same name with different facts, only one from the caller's own
 * directory is believed, else none.  Facts are one level deep: a helper
 * of another file that calls a helper of a third file is summarised as
 * its own file saw it.
 */
#ifndef RPMCHECK_XFILE_H
#define RPMCHECK_XFILE_H

#include "context.h"
#include "db.h"
#include "frontend.h"
#include "summary.h"

/* Fill SUMS and XF with what DB knows about UNIT's foreign callees and
 * registered functions.  FILE is the database's name for the file. */
void xfile_import(struct db *db, const char *file, const struct fe_unit *unit,
		  const struct rules *rules, struct summaries *sums,
		  struct xfacts *xf);
/* Record what UNIT's analysis found, replacing the file's old facts. */
bool xfile_export(struct db *db, const char *file, const char *display,
		  const struct fe_unit *unit, const struct summaries *sums,
		  const struct file_context *fc);
void xfacts_free(struct xfacts *xf);

#endif
