/*
 * context.c - entry contexts, irq-safe devices and lock helper
 * summaries of one file, and the table of its functions (see
 * context.h).  Whether a function may sleep is in sleep_sites.c.
 *
 * Deliberately ignores registrations that are not calls or assignments
 * of the file (static initialisers, ops tables).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "context_internal.h"
#include "util.h"

struct fn_info *context_info_of(const struct file_context *fc,
				const char *name)
{
	int i;

	for (i = 0; name && i < fc->nfns; i++)
		if (strcmp(fc->fns[i].fn->name, name) == 0)
			return &fc->fns[i];
	return NULL;
}

const char *context_api_name(const struct file_context *fc, const char *name)
{
	const struct api_rule *r = rules_find(fc->rules, name);

	return r && r->as ? r->as : name;
}

/* ---- entry contexts ---- */

/* "&foo_isr" and "foo_isr" name a function; NULL, a macro in capitals
 * or anything else does not. */
static bool plain_function_name(const char *text)
{
	const char *p = text + (*text == '&');
	bool lower = false;

	if (!*p || isdigit((unsigned char)*p))
		return false;
	for (; *p; p++) {
		if (!isalnum((unsigned char)*p) && *p != '_')
			return false;
		lower |= islower((unsigned char)*p);
	}
	return lower;
}

static void set_entry(struct file_context *fc, const char *name,
		      enum atomic_kind kind, const char *by, struct ir_loc loc)
{
	struct fn_info *fi = context_info_of(fc, name);

	if (!fi && plain_function_name(name)) {
		struct atomic_entry e = { .kind = kind, .by = by, .loc = loc,
					  .fn = name + (*name == '&') };

		ARRAY_PUSH(fc->foreign, e);
	}
	if (!fi || fi->has_entry)
		return;
	fi->has_entry = true;
	fi->entry.kind = kind;
	fi->entry.by = by;
	fi->entry.fn = fi->fn->name;
	fi->entry.loc = loc;
}

/* "t->function = cb": an hrtimer (or old-style timer) callback. */
static bool is_timer_function_field(const char *var)
{
	return ends_with(var, ".function") || ends_with(var, "->function");
}

static void scan_insn(struct file_context *fc, const struct ir_func *fn,
		      const struct ir_insn *in)
{
	const struct api_rule *r;

	if (in->kind == IR_ASSIGN) {
		if (in->src_is_function && in->src_name &&
		    is_timer_function_field(fn->vars[in->dst]))
			set_entry(fc, in->src_name, AK_TIMER, "hrtimer", in->loc);
		return;
	}
	r = in->callee ? rules_find(fc->rules, in->callee) : NULL;
	if (!r)
		return;
	if (r->registers && r->handler_arg < in->nargs)
		set_entry(fc, in->args[r->handler_arg].text, r->registers,
			  r->as ? r->as : r->name, in->loc);
	if (r->irq_safe && r->dev_arg >= 0 && r->dev_arg < in->nargs)
		ARRAY_PUSH(fc->irq_safe, in->args[r->dev_arg].text);
}

static void scan_function(struct file_context *fc, const struct ir_func *fn)
{
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++)
			scan_insn(fc, fn, &fn->blocks[b].insns[i]);
}

static void add_must_hold(struct fn_info *fi)
{
	if (fi->has_entry || !fi->fn->must_hold)
		return;
	fi->has_entry = true;
	fi->entry.kind = AK_MUST_HOLD;
	fi->entry.lock = fi->fn->must_hold;
	fi->entry.by = fi->fn->must_hold_rwlock ? "rwlock" : "spinlock";
	fi->entry.fn = fi->fn->name;
	fi->entry.loc = fi->fn->must_hold_loc;
}

/* Entries other files register for functions of this one. */
static void add_foreign_registrations(struct file_context *fc)
{
	int i;

	for (i = 0; i < fc->xf->entry.count; i++) {
		const struct atomic_entry *e = &fc->xf->entry.items[i];
		struct fn_info *fi = context_info_of(fc, e->fn);

		if (!fi || fi->has_entry || fi->fn->is_static)
			continue;
		fi->has_entry = true;
		fi->entry = *e;
		fi->entry.fn = fi->fn->name;
		fi->entry.loc = fi->fn->loc;
	}
}

void context_foreign_entries(const struct file_context *fc,
			     void (*fn)(const struct atomic_entry *e, void *data),
			     void *data)
{
	int i;

	for (i = 0; i < fc->foreign.count; i++)
		fn(&fc->foreign.items[i], data);
}

const char *context_foreign_sleeper(const struct file_context *fc,
				    const char *name)
{
	int i;

	for (i = 0; i < fc->xf->sleeper.count; i++)
		if (!strcmp(fc->xf->sleeper.items[i], name))
			return fc->xf->sleeper_note.items[i];
	return NULL;
}

const struct atomic_entry *context_entry(const struct file_context *fc,
					 const char *fn)
{
	const struct fn_info *fi = context_info_of(fc, fn);

	return fi && fi->has_entry ? &fi->entry : NULL;
}

/* ---- irq-safe devices ---- */

/* The last member named: "dev" of "&pdev->dev", NULL for "dev". */
static const char *last_member(const char *text)
{
	const char *p, *best = NULL;

	for (p = text; *p; p++) {
		if (p[0] == '-' && p[1] == '>')
			best = p + 2;
		else if (p[0] == '.')
			best = p + 1;
	}
	return best;
}

/* The same device, or two names that may be: "&pdev->dev" and
 * "priv->dev", or a parameter "dev". */
static bool may_be_same_device(const char *a, const char *b)
{
	const char *ma, *mb;

	if (*a == '&')
		a++;
	if (*b == '&')
		b++;
	if (strcmp(a, b) == 0)
		return true;
	ma = last_member(a);
	mb = last_member(b);
	return !ma || !mb || strcmp(ma, mb) == 0;
}

bool context_irq_safe(const struct file_context *fc, const char *dev)
{
	int i;

	for (i = 0; i < fc->irq_safe.count; i++)
		if (may_be_same_device(fc->irq_safe.items[i], dev))
			return true;
	return false;
}

/* ---- lock helpers ---- */

/* The text of argument ARG of IN, through spinlock_check(lock). */
static const char *unwrapped_lock(const struct file_context *fc,
				  const struct ir_func *fn,
				  const struct ir_insn *in, int arg)
{
	const struct ir_arg *a;
	int b, i;

	if (arg >= in->nargs)
		return NULL;
	a = &in->args[arg];
	if (a->text[0] || a->val.kind != IRV_VAR)
		return a->text[0] ? a->text : NULL;
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *def = &fn->blocks[b].insns[i];
			const struct api_rule *r;

			if (def->kind != IR_CALL || def->result != a->val.var ||
			    !def->callee)
				continue;
			r = rules_find(fc->rules, def->callee);
			return r && r->ret == RET_ARG0 && def->nargs &&
			       def->args[0].text[0] ? def->args[0].text : NULL;
		}
	return NULL;
}

/* Can FN return without passing block B? */
static bool returns_avoiding(const struct ir_func *fn, int avoid)
{
	int n, i, *order;
	bool found = false;

	if (fn->entry == avoid)
		return false;
	order = ir_reachable(fn, ir_edge_not_into, &avoid, &n);
	for (i = 0; i < n && !found; i++)
		found = fn->blocks[order[i]].term == IRT_RETURN;
	free(order);
	return found;
}

/*
 * A lock helper takes one lock on every path and releases none
 * (foo_lock()), or releases without taking: one release, or a release
 * of the caller's lock before anything else (__releases()).  A helper
 * that takes a spinlock on one path and a mutex on another is neither.
 */
static void find_lock_effect(const struct file_context *fc, struct fn_info *fi)
{
	const struct ir_func *fn = fi->fn;
	const struct ir_insn *taken = NULL;
	const struct api_rule *tr = NULL, *left = NULL;
	int b, i, taken_block = -1, enters = 0, leaves = 0;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const struct api_rule *r = in->callee ?
				rules_find(fc->rules, in->callee) : NULL;

			if (!r) {
				leaves += in->callee &&
					  atomic_names_unlock(in->callee);
				continue;
			}
			if (r->enter && r->when == WHEN_ALWAYS && !taken) {
				taken = in;
				tr = r;
				taken_block = b;
			}
			if (r->leave && !left)
				left = r;
			enters += r->enter != AK_NONE;
			leaves += r->leave != AK_NONE;
		}
	if (fi->has_entry)
		return;
	if (enters == 1 && !leaves && taken &&
	    !returns_avoiding(fn, taken_block)) {
		fi->lock_effect = 1;
		fi->lock.kind = tr->enter;
		fi->lock.by = tr->as ? tr->as : tr->name;
		fi->lock.via = fn->name;
		fi->lock.lock = tr->lock_arg >= 0 ?
				unwrapped_lock(fc, fn, taken, tr->lock_arg) : NULL;
	} else if (!enters && (leaves == 1 || sleep_drops_callers_section(fc, fn))) {
		fi->lock_effect = -1;
		fi->lock.kind = left ? left->leave : AK_SPINLOCK;
		fi->unlock_rule = left;
	}
}

/* "&hw->lock" of foo_lock(hw) called as foo_lock(priv): "&priv->lock". */
static char *lock_in_caller(const struct ir_func *fn, const char *lock,
			    const struct ir_insn *call)
{
	const char *rest = lock + (*lock == '&');
	size_t len;
	int k;

	for (k = 0; k < fn->nparams && k < call->nargs; k++) {
		len = strlen(fn->params[k]);
		if (strncmp(rest, fn->params[k], len) || !strchr("-.", rest[len]) ||
		    !call->args[k].text[0] || strpbrk(call->args[k].text, " (&"))
			continue;
		return xasprintf("%.*s%s%s", (int)(rest - lock), lock,
				 call->args[k].text, rest + len);
	}
	return NULL;
}

int context_lock_helper(const struct file_context *fc, const char *name,
			const struct ir_insn *call, struct atomic_entry *ent,
			char **text)
{
	const struct fn_info *fi = context_info_of(fc, name);

	*text = NULL;
	if (!fi || !fi->lock_effect)
		return 0;
	*ent = fi->lock;
	if (call && ent->lock) {
		*text = lock_in_caller(fi->fn, ent->lock, call);
		if (*text)
			ent->lock = *text;
	}
	return fi->lock_effect;
}

const struct api_rule *context_unlock_rule(const struct file_context *fc,
					   const char *name)
{
	const struct fn_info *fi = context_info_of(fc, name);
	int i;

	if (fi)
		return fi->lock_effect < 0 ? fi->unlock_rule : NULL;
	for (i = 0; i < fc->xf->unlocker.count; i++)
		if (!strcmp(fc->xf->unlocker.items[i], name))
			return rules_find(fc->rules, fc->xf->unlocker_api.items[i]);
	return NULL;
}

/* ---- building ---- */

struct file_context *context_build(const struct rules *rules,
				   struct ir_func *const *funcs, int nfuncs,
				   const int *callees_first,
				   const struct xfacts *xf)
{
	static const struct xfacts none;
	struct file_context *fc = xcalloc(1, sizeof(*fc));
	int i;

	fc->rules = rules;
	fc->xf = xf ? xf : &none;
	fc->nfns = nfuncs;
	fc->fns = xcalloc(nfuncs + 1, sizeof(*fc->fns));
	for (i = 0; i < nfuncs; i++)
		fc->fns[i].fn = funcs[i];
	for (i = 0; i < nfuncs; i++)
		scan_function(fc, funcs[i]);
	add_foreign_registrations(fc);
	for (i = 0; i < nfuncs; i++) {
		add_must_hold(&fc->fns[i]);
		find_lock_effect(fc, &fc->fns[i]);
	}
	for (i = 0; i < nfuncs; i++)
		sleep_find(fc, &fc->fns[callees_first[i]]);
	return fc;
}

void context_free(struct file_context *fc)
{
	int i;

	if (!fc)
		return;
	for (i = 0; i < fc->nfns; i++)
		if (fc->fns[i].has_vd)
			var_defs_free(&fc->fns[i].vd);
	free(fc->irq_safe.items);
	free(fc->foreign.items);
	free(fc->fns);
	free(fc);
}
