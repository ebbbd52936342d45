/*
 * ownership.h - where a reference held on a path goes when the function
 * does not drop it itself.
 *
 * The engine marks such a path ST_OWNER_KEPT (no leak is reported on it)
 * when the reference is recorded in the object (a flag stored next to
 * the get, a bit the get is conditional on) or handed to a function of
 * the file that puts on every path (a stored release callback, a worker
 * passed on), or when the path ends the device it holds a reference to
 * (device_del(), or put_device() after device_initialize()).
 */
#ifndef RPMCHECK_OWNERSHIP_H
#define RPMCHECK_OWNERSHIP_H

#include <stdbool.h>

#include "engine_internal.h"

/* IN, an assignment made holding a reference, records it in the object:
 * a flag the function tests set non-zero, or a releasing callback
 * stored ("job->release = foo_release_job"). */
bool owner_recorded_by_store(const struct engine *e, const struct ir_insn *in);
/* IN, a get made on ST, is recorded by the store just before it or
 * guarded by a newly set bit ("if (!test_and_set_bit(...))"). */
bool owner_recorded_at_get(const struct engine *e, const struct state *st,
			   const struct ir_insn *in);
/* IN, a call made holding a reference, passes on a function of the
 * file that drops a count on every path (a worker, a callback). */
/* A call of a setter of the file storing a non-zero constant argument
 * into a field the caller tests ("dfll_set_mode(td, DFLL_OPEN_LOOP)"). */
bool owner_recorded_by_setter(const struct engine *e, const struct ir_insn *in);
bool owner_handed_to_callback(const struct engine *e, const struct ir_insn *in);
/* IN, a call of R (frees-dev), ends its device: a reference to its
 * count that ST still holds is no leak. */
void owner_end_device(struct engine *e, struct state *st,
		      const struct ir_insn *in, const struct api_rule *r);

#endif
