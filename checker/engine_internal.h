/*
 * engine_internal.h - the engine's working state, shared with the
 * checks and the summaries that hook into a running exploration.
 *
 * Deliberately not part of engine.h: front ends and drivers never need it.
 */
#ifndef RPMCHECK_ENGINE_INTERNAL_H
#define RPMCHECK_ENGINE_INTERNAL_H

#include "engine.h"

#define EVENT_CHUNK 512

struct event_chunk {
	struct event events[EVENT_CHUNK];
	int used;
	struct event_chunk *next;
};

struct work {
	int block;
	struct state st;
};

struct block_states {
	struct state *items;
	int count, alloc;
};

struct engine {
	const struct engine_ctx *ctx;
	const struct ir_func *fn;
	struct function_result *res;
	struct block_states *seen;
	struct { struct work *items; int count, alloc; } work;
	int head;
	struct { struct exit_state *items; int count, alloc; } exits;
	struct event_chunk *arena;
	unsigned char *live_in;		/* nblocks x nvars */
	unsigned char *kept;		/* per variable, see compute_relevance */
	unsigned char *refined;
	unsigned char *pinned;		/* returned or read by a known call */
	const struct ir_insn **insn_by_id;
	const struct ir_insn **def_call;	/* per variable: the call whose
						 * result it is, or NULL */
	int cur_block;			/* block being executed */
	int *loop_of;			/* per block: its loop (SCC), or -1 */
	bool unwinds;			/* gets in one loop, puts in another */
	struct { int *items; int count, alloc; } gsr_calls; /* reported */
};

/* Can the function reach block TO from its entry without passing AVOID? */
bool engine_reaches_avoiding(const struct engine *e, int to, int avoid);

void engine_apply_count(struct engine *e, struct state *st,
			const struct ir_insn *in, const struct effect *ef,
			int count, bool is_failure);
void engine_set_fact(const struct engine *e, struct state *st, int var,
		     uint8_t signs, int origin);
void engine_mark_from_call(const struct engine *e, struct state *st, int var);
void engine_forget_escaped(struct state *st, const struct ir_insn *in);
/* Facts (engine.c). */
void engine_kill_fact(struct state *st, int var);
struct fact *engine_insert_fact(const struct engine *e, struct state *st,
				int var, uint8_t signs, int origin);
/* VAR is (EQUAL) or is not (!EQUAL) the value K. */
void engine_set_exact(struct state *st, int var, bool equal, long long k);
uint8_t engine_signs_of_const(long long n);
/* Executing one instruction (engine_calls.c): an assignment changes ST;
 * a call leaves up to three states in OUT and returns how many. */
void engine_exec_assign(struct engine *e, struct state *st,
			const struct ir_insn *in);
int engine_exec_call(struct engine *e, const struct state *st,
		     const struct ir_insn *in, struct state out[3]);
/* The function of the file named NAME, or NULL. */
const struct ir_func *engine_local_function(const struct engine_ctx *ctx,
					    const char *name);
/* Keep S (malloc'ed) alive as long as the function's result. */
const char *engine_intern(struct engine *e, char *s);
void cond_split(const struct ir_cond *cond, uint8_t signs,
		uint8_t *if_true, uint8_t *if_false);
const struct event *engine_add_event(struct engine *e, const struct event *prev,
				     enum event_kind kind, struct ir_loc loc,
				     const char *what, const char *dev);
/* Give IN's result variable the signs SIGNS (or "some call's result"). */
void engine_emit_result(const struct engine *e, struct state *st,
			const struct ir_insn *in, uint8_t signs, int origin);

/* atomic.c: atomic sections along a path */
void atomic_init_state(const struct engine *e, struct state *st);
/* A call of a rule that opens or closes a section; returns the states. */
int atomic_exec_call(struct engine *e, const struct state *st,
		     const struct ir_insn *in, const struct api_rule *r,
		     struct state out[3]);
/* After a call without a rule: a lock helper, or an unknown foo_unlock(). */
void atomic_after_call(struct engine *e, struct state *st,
		       const struct ir_insn *in);
bool atomic_states_equal(const struct state *a, const struct state *b);
/* The lock named by argument ARG of IN, through spinlock_check(). */
const char *atomic_lock_text(const struct engine *e, const struct ir_insn *in,
			     int arg);

#endif
