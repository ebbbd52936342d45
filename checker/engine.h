/*
 * engine.h - path-sensitive exploration of one IR function.
 *
 * The engine walks every feasible path of a function's CFG with a set
 * of abstract states per block.  A state holds the runtime PM usage
 * count delta taken by the function so far, what is known about the
 * sign of the values that decide branches (call results, flags), and a
 * trail of events (gets, puts, branches) used to explain findings.
 * Identical states meeting at a block are merged (the first trail
 * wins), which bounds the work; a per-function budget stops the rest.
 *
 * Checks (check_*.c) are called at puts, branches and exits, and once
 * per function at the end with every exit state.
 *
 * Deliberately ignores which device a count belongs to when judging:
 * the delta is the sum over all devices, so a get on "priv->dev" and a
 * put on "&pdev->dev" balance.  Device names only label messages.
 */
#ifndef RPMCHECK_ENGINE_H
#define RPMCHECK_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "atomic.h"
#include "ir.h"
#include "rules.h"

enum {
	SIGN_NEG = 1,
	SIGN_ZERO = 2,
	SIGN_POS = 4,
	SIGN_ANY = 7,
};

enum event_kind {
	EV_GET,			/* the count was raised */
	EV_NOGET,		/* a conditional get failed: no reference */
	EV_PUT,			/* the count was dropped */
	EV_BRANCH,		/* a condition was decided */
	EV_GOTO,
	EV_ATOMIC,		/* an atomic section was opened */
};

struct event {
	enum event_kind kind;
	struct ir_loc loc;
	const char *what;	/* callee, condition text or label */
	const char *dev;
	bool taken;		/* EV_BRANCH: the true side */
	bool may_fail;		/* EV_GET: raised even when the call fails */
	bool by_helper;		/* a summarised local function, not the API */
	bool on_error;		/* EV_PUT: made in error handling */
	bool error_side;	/* EV_BRANCH: the error side of "ret < 0" */
	bool quiet;		/* EV_BRANCH: not worth a note */
	int block;		/* block of the call (gets and puts) */
	const struct event *prev;
};

struct fact {
	int var;
	uint8_t signs;
	bool has_eq, has_ne;	/* known to be / known not to be a value */
	bool not_one;		/* known not to be 1 ("already active") */
	bool from_call;		/* the value some call returned */
	int origin;		/* id of the call that produced it, or -1 */
	long long eq, ne;
};

#define MAX_FACTS 24

/* State flags */
#define ST_TOOK_GET	1	/* a reference was taken on this path */
#define ST_FAILED_GET	2	/* the latest conditional get failed */
#define ST_TAINTED	4	/* an effect could not be modelled */
#define ST_ERROR_PUT	16	/* a put was made in error handling */
#define ST_OWNER_KEPT	32	/* a held reference was recorded in a flag */
#define ST_CTX_AWARE	64	/* the path asked what its context is */

struct state {
	int delta;
	unsigned flags;
	int count_loop;		/* loop of the first count change in a loop */
	int gsr_block;		/* a test put get_sync's 1 with the errors */
	int gsr_var, gsr_call;
	int failed_helper;	/* summary of a helper that failed holding */
	int nfacts;
	struct fact facts[MAX_FACTS];
	const struct event *trail;
	const char *active_dev;	/* set active (and enabled): rpm_status.h */
	int active_stage;
	int natomic;		/* open atomic sections, innermost last */
	struct atomic_entry atomic[MAX_ATOMIC];
};

enum ret_kind {
	RK_VOID,
	RK_ERROR,		/* negative errno, ERR_PTR */
	RK_NULL,		/* NULL from a pointer function */
	RK_FALSE,		/* false from a bool function */
	RK_ZERO,		/* 0 from an int function */
	RK_POS,			/* a known positive value */
	RK_NONZERO,		/* a value known not to be 0: -errno or > 0 */
	RK_OTHER,		/* anything else */
};

struct exit_state {
	struct state st;
	const struct ir_block *block;
	enum ret_kind kind;
	uint8_t ret_signs;	/* signs the returned value may have */
	int ret_origin;		/* call producing the returned value */
	bool ret_from_call;	/* the value is what some call returned */
	bool ret_not_one;	/* a test found the value is not 1 */
};

struct summary;
struct summaries;
struct file_context;
struct idle_pairs;
struct driver_model;

/* What a call does, from a rule or from a summary of a local function. */
struct effect {
	const char *callee;
	int count;		/* the change when it happens */
	enum rule_when when;
	enum rule_ret ret;
	int dev_arg;
	bool dev_deref;
	bool noreturn;
	const char *dev;	/* device text, when not an argument */
	const char *implies;	/* a query this call answers (rules.h) */
	int implies_value;
};

struct engine;

/*
 * What the engine counts.  The usage count is the main run, with every
 * check; the others are extra runs for the driver lifecycle rules
 * (lifecycle.c), where a rule's lifecycle= attribute gives the change
 * and no check runs during the exploration.
 */
enum rpm_counter {
	COUNTER_USAGE,
	COUNTER_ENABLE,		/* enable depth: enable +1, disable -1 */
	COUNTER_AUTOSUSPEND,	/* use_autosuspend +1, dont_use -1 */
	COUNTER_DEVM,		/* devm_pm_runtime_enable succeeded */
};
#define NCOUNTERS (COUNTER_DEVM + 1)

/* The change rule R makes to COUNTER (0: none). */
int rule_counter_change(const struct api_rule *r, enum rpm_counter counter);

struct function_result {
	const struct ir_func *fn;
	struct exit_state *exits;
	int nexits;
	bool has_get, has_put;	/* the function calls a get / a put */
	bool budget_hit;
	long steps;
	struct event_chunk *arena;	/* owns the events of the exits */
	struct { char **items; int count, alloc; } strings;
};

struct engine_ctx {
	const struct rules *rules;
	struct summaries *sums;
	long budget;		/* block visits per function */
	struct ir_func *const *locals;	/* functions defined in the file */
	int nlocals;
	/* Does every call of NAME in the file ignore its result? */
	bool (*result_ignored)(const char *name, void *data);
	void *result_data;
	const struct file_context *fctx;	/* atomic contexts, may be NULL */
	enum rpm_counter counter;
	const struct driver_model *dm;	/* the file's drivers, may be NULL */
	struct idle_pairs *idle;	/* sleep findings to settle, may be NULL */
};

/* Explore FN; the result stays valid until engine_result_free(). */
struct function_result *engine_run(const struct engine_ctx *ctx,
				   const struct ir_func *fn);
void engine_result_free(struct function_result *res);

/* Helpers for checks. */
const struct fact *state_fact(const struct state *st, int var);
uint8_t state_signs(const struct state *st, int var);
const struct ir_insn *engine_call_by_id(const struct engine *e, int id);

#endif
