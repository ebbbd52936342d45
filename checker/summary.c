/*
 * summary.c - build function summaries from exit states, apply them at
 * calls (see summary.h).
 *
 * Deliberately ignores functions whose exits disagree for one return
 * sign (e.g. a set_power(dev, on) helper that gets or puts depending on
 * an argument): their callers' paths are marked tainted instead, and
 * nothing is reported on them.  A helper's device reached from a
 * variable of its own ("hwlock->bank->dev" of the lock it looked up) is
 * unknown to a caller that has no variable of that name: the reference
 * it takes belongs to the object the helper made, as one recorded in
 * the object does.  Whether a helper records its reference
 * in the object (ownership.c) goes to the cross-file database with the
 * rest of the summary.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"
#include "rpm_status.h"
#include "summary.h"
#include "util.h"

/* Marks a device text rooted at a variable of the helper. */
#define LOCAL_ROOT '@'

struct summary {
	char *name;
	char *dev;		/* device as the helper names it */
	char **params;
	int nparams;
	int delta[3];		/* per sign class: NEG, ZERO, POS */
	uint8_t seen;		/* classes some exit returns */
	uint8_t ambiguous;	/* classes with disagreeing exits */
	uint8_t not_active;	/* classes with an exit that does not leave
				 * the device it holds active (rpm_status.h) */
	uint8_t kept;		/* classes with an exit holding a reference
				 * recorded in the object (ST_OWNER_KEPT) */
	uint8_t not_kept;	/* ... and with one holding it unrecorded */
	bool raises, drops;	/* some exit raised / dropped the count */
	bool compensated;	/* a caller puts after it failed holding */
};

struct summaries {
	struct { struct summary *items; int count, alloc; } list;
};

struct summaries *summaries_new(void)
{
	return xcalloc(1, sizeof(struct summaries));
}

void summaries_free(struct summaries *sums)
{
	int i, p;

	if (!sums)
		return;
	for (i = 0; i < sums->list.count; i++) {
		struct summary *s = &sums->list.items[i];

		free(s->name);
		free(s->dev);
		for (p = 0; p < s->nparams; p++)
			free(s->params[p]);
		free(s->params);
	}
	free(sums->list.items);
	free(sums);
}

static uint8_t exit_classes(enum ir_ret_type rt, const struct exit_state *x)
{
	/* a pointer or bool that is not NULL/ERR_PTR/false is "positive" */
	if ((rt == IRR_PTR || rt == IRR_BOOL || rt == IRR_UINT) &&
	    x->kind == RK_OTHER)
		return SIGN_POS;
	switch (x->kind) {
	case RK_VOID:
		return SIGN_ANY;
	case RK_ERROR:
	case RK_NONZERO:	/* "if (ret) goto err; ... err: return ret;" */
		return SIGN_NEG;
	case RK_NULL:
	case RK_FALSE:
		return SIGN_ZERO;
	default:
		break;
	}
	return x->ret_signs ? x->ret_signs : SIGN_ANY;
}

static const char *last_get_dev(const struct state *st)
{
	const struct event *ev;

	for (ev = st->trail; ev; ev = ev->prev)
		if (ev->kind == EV_GET || ev->kind == EV_PUT)
			return ev->dev;
	return NULL;
}

static void add_exit(struct summary *s, enum ir_ret_type rt,
		     const struct exit_state *x)
{
	uint8_t classes = exit_classes(rt, x);
	int c;

	for (c = 0; c < 3; c++) {
		if (!(classes & (1 << c)))
			continue;
		if (x->st.flags & ST_TAINTED)
			s->ambiguous |= 1 << c;
		if (!(s->seen & (1 << c))) {
			s->seen |= 1 << c;
			s->delta[c] = x->st.delta;
		} else if (s->delta[c] != x->st.delta) {
			s->ambiguous |= 1 << c;
		}
	}
	s->raises |= x->st.delta > 0;
	s->drops |= x->st.delta < 0;
	if (x->st.delta > 0 && (x->st.flags & ST_OWNER_KEPT))
		s->kept |= classes;
	else if (x->st.delta > 0)
		s->not_kept |= classes;
	if (!s->dev && x->st.delta && last_get_dev(&x->st))
		s->dev = xstrdup(last_get_dev(&x->st));
	if (x->st.delta <= 0 || !last_get_dev(&x->st) ||
	    !rpm_status_known_active(&x->st, last_get_dev(&x->st)))
		s->not_active |= classes;
}

static bool has_effect(const struct summary *s)
{
	int c;

	if (s->ambiguous)
		return true;
	for (c = 0; c < 3; c++)
		if ((s->seen & (1 << c)) && s->delta[c])
			return true;
	return false;
}

void summary_record(struct summaries *sums, const struct function_result *res)
{
	const struct ir_func *fn = res->fn;
	struct summary s = { 0 };
	int i;

	for (i = 0; i < res->nexits; i++)
		add_exit(&s, fn->ret_type, &res->exits[i]);
	if (res->budget_hit && has_effect(&s))
		s.ambiguous = SIGN_ANY;
	if (!has_effect(&s)) {
		free(s.dev);
		return;
	}
	if (s.dev && !ir_rooted_at_param(fn, s.dev)) {
		char *marked = xasprintf("%c%s", LOCAL_ROOT, s.dev);

		free(s.dev);
		s.dev = marked;
	}
	s.name = xstrdup(fn->name);
	s.nparams = fn->nparams;
	s.params = xcalloc(fn->nparams + 1, sizeof(char *));
	for (i = 0; i < fn->nparams; i++)
		s.params[i] = xstrdup(fn->params[i]);
	ARRAY_PUSH(sums->list, s);
}

static const struct summary *find(const struct summaries *sums,
				  const char *name)
{
	int i;

	for (i = 0; i < sums->list.count; i++)
		if (strcmp(sums->list.items[i].name, name) == 0)
			return &sums->list.items[i];
	return NULL;
}

bool summary_uniform_delta(const struct summaries *sums, const char *fn,
			   int *delta)
{
	const struct summary *s = find(sums, fn);
	bool first = true;
	int c;

	if (!s || s->ambiguous)
		return false;
	for (c = 0; c < 3; c++) {
		if (!(s->seen & (1 << c)))
			continue;
		if (!first && s->delta[c] != *delta)
			return false;
		*delta = s->delta[c];
		first = false;
	}
	return !first;
}

bool summary_may_take(const struct summaries *sums, const char *fn)
{
	const struct summary *s = find(sums, fn);
	int c;

	for (c = 0; s && c < 3; c++)
		if ((s->seen & (1 << c)) && s->delta[c] > 0)
			return true;
	return false;
}

bool summary_may_change(const struct summaries *sums, const char *fn,
			int direction)
{
	const struct summary *s = find(sums, fn);

	return s && (direction > 0 ? s->raises : s->drops);
}

void summary_compensated(struct summaries *sums, int idx)
{
	if (idx >= 0 && idx < sums->list.count)
		sums->list.items[idx].compensated = true;
}

void summary_for_compensated(const struct summaries *sums,
			     void (*fn)(const char *name, void *data),
			     void *data)
{
	int i;

	for (i = 0; i < sums->list.count; i++)
		if (sums->list.items[i].compensated)
			fn(sums->list.items[i].name, data);
}

bool summary_exists(const struct summaries *sums, const char *name)
{
	return find(sums, name) != NULL;
}

/*
 * Does the caller have a variable called like the root of TEXT?  Kernel
 * code names one object alike in its functions ("xdev" for chan->xdev),
 * so the helper's variable is taken for the caller's.
 */
static bool caller_has_root(const struct engine *e, const char *text)
{
	const char *d = text + (*text == '&');
	char *root = xstrndup(d, strcspn(d, "-.[ "));
	bool has = ir_has_name(e->fn, root);

	free(root);
	return has;
}

/*
 * The helper's device text with its parameter replaced by the argument.
 * *UNNAMED tells that the caller cannot name it: the helper reached it
 * from a variable of its own (hwspinlock's "hwlock->bank->dev", serdev's
 * "&ctrl->dev") that the caller does not have.
 */
static const char *caller_dev(struct engine *e, const struct summary *s,
			      const struct ir_insn *in, bool *unnamed)
{
	struct ir_func helper = { 0 };
	char *text;

	*unnamed = false;
	if (s->dev && s->dev[0] == LOCAL_ROOT) {
		*unnamed = !caller_has_root(e, s->dev + 1);
		return s->dev + 1;
	}
	if (!s->dev)
		return in->nargs ? in->args[0].text : "?";
	helper.params = s->params;
	helper.nparams = s->nparams;
	text = ir_text_in_caller(&helper, s->dev, in);
	return text ? engine_intern(e, text) : s->dev;
}

static int apply_class(struct engine *e, const struct summary *s,
		       const struct summaries *sums, const struct state *st,
		       const struct ir_insn *in, const struct effect *ef,
		       int d, uint8_t classes, bool any_get, bool unnamed,
		       struct state *out)
{
	*out = *st;
	engine_forget_escaped(out, in);
	engine_apply_count(e, out, in, ef, d, any_get && d == 0);
	if (d > 0 && !(s->not_active & classes))
		rpm_status_set_active(out, ef->dev);
	if (in->result >= 0)
		engine_set_fact(e, out, in->result, classes, -1);
	engine_mark_from_call(e, out, in->result);
	if (d > 0 && classes == SIGN_NEG)
		out->failed_helper = (int)(s - sums->list.items);
	/* trf->state = ST_IDLE after the get: the object owns it; so does
	 * the object a helper made when the caller cannot name the device */
	if (d > 0 && (((s->kept & classes) == classes &&
		       !(s->not_kept & classes)) || unnamed))
		out->flags |= ST_OWNER_KEPT;
	return 1;
}

int summary_apply(struct summaries *sums, struct engine *e,
		  const struct state *st, const struct ir_insn *in,
		  struct state out[3])
{
	const struct summary *s = find(sums, in->callee);
	struct effect ef = { 0 };
	bool any_get = false, unnamed;
	int c, n = 0, d;

	if (!s)
		return -1;
	ef.callee = s->name;
	ef.dev_arg = -1;
	ef.dev = caller_dev(e, s, in, &unnamed);
	for (c = 0; c < 3; c++)
		if ((s->seen & (1 << c)) && !(s->ambiguous & (1 << c)) &&
		    s->delta[c] > 0)
			any_get = true;
	for (d = -2; d <= 3; d++) {
		uint8_t classes = 0;

		for (c = 0; c < 3; c++)
			if ((s->seen & (1 << c)) && !(s->ambiguous & (1 << c)) &&
			    s->delta[c] == d)
				classes |= 1 << c;
		/* a failure that keeps a reference gets a state of its own */
		if (d > 0 && (classes & SIGN_NEG) && classes != SIGN_NEG) {
			n += apply_class(e, s, sums, st, in, &ef, d, SIGN_NEG,
					 any_get, unnamed, &out[n]);
			classes &= ~SIGN_NEG;
		}
		if (classes)
			n += apply_class(e, s, sums, st, in, &ef, d, classes,
					 any_get, unnamed, &out[n]);
	}
	if (s->ambiguous && n < 3) {
		out[n] = *st;
		engine_forget_escaped(&out[n], in);
		out[n].flags |= ST_TAINTED;
		if (in->result >= 0)
			engine_set_fact(e, &out[n], in->result, s->ambiguous, -1);
		engine_mark_from_call(e, &out[n], in->result);
		n++;
	}
	return n;
}

/* "SEEN AMBIGUOUS D0 D1 D2 NPARAMS P... DEV", DEV "-" when unnamed. */
/*
 * "SEEN AMBIGUOUS D0 D1 D2 NPARAMS PARAM... DEV", preceded by
 * "kKEPT/NOTKEPT " when some exit holds a reference recorded in the
 * object (a database written before that prefix existed still reads).
 */
static char *summary_text(const struct summary *s)
{
	char *kept = s->kept ? xasprintf("k%u/%u ", s->kept, s->not_kept) :
			       xstrdup("");
	char *text = xasprintf("%s%u %u %d %d %d %d", kept, s->seen,
			       s->ambiguous, s->delta[0], s->delta[1],
			       s->delta[2], s->nparams), *next;
	int p;

	for (p = 0; p < s->nparams; p++) {
		next = xasprintf("%s %s", text, s->params[p]);
		free(text);
		text = next;
	}
	next = xasprintf("%s %s", text, s->dev ? s->dev : "-");
	free(text);
	free(kept);
	return next;
}

/* Reads the "kKEPT/NOTKEPT " prefix of TEXT into S, if there is one;
 * returns where the rest starts, or NULL when the prefix is malformed. */
static const char *read_kept(const char *text, struct summary *s)
{
	unsigned kept, not_kept;
	int used = 0;

	if (*text != 'k')
		return text;
	if (sscanf(text, "k%u/%u %n", &kept, &not_kept, &used) != 2 ||
	    !used || kept > 7 || not_kept > 7)
		return NULL;
	s->kept = kept;
	s->not_kept = not_kept;
	return text + used;
}

void summary_export(const struct summaries *sums,
		    bool (*filter)(const char *name, void *data),
		    void (*fn)(const char *name, const char *text, void *data),
		    void *data)
{
	int i;

	for (i = 0; i < sums->list.count; i++) {
		const struct summary *s = &sums->list.items[i];
		char *text;

		if (!filter(s->name, data))
			continue;
		text = summary_text(s);
		fn(s->name, text, data);
		free(text);
	}
}

/* The next blank-separated word of *P, or NULL. */
static char *next_word(const char **p)
{
	size_t n;
	char *w;

	*p += strspn(*p, " ");
	n = strcspn(*p, " ");
	if (!n)
		return NULL;
	w = xstrndup(*p, n);
	*p += n;
	return w;
}

bool summary_import(struct summaries *sums, const char *name,
		    const char *text)
{
	struct summary s = { 0 };
	unsigned seen, amb;
	int used = 0, p;
	const char *rest;

	if (find(sums, name) || !(text = read_kept(text, &s)) ||
	    sscanf(text, "%u %u %d %d %d %d%n", &seen, &amb, &s.delta[0],
		   &s.delta[1], &s.delta[2], &s.nparams, &used) != 6 ||
	    s.nparams < 0 || s.nparams > 64 || seen > 7 || amb > 7)
		return false;
	s.seen = seen;
	s.ambiguous = amb;
	rest = text + used;
	s.params = xcalloc(s.nparams + 1, sizeof(char *));
	for (p = 0; p < s.nparams; p++)
		s.params[p] = next_word(&rest);
	rest += strspn(rest, " ");
	if (p && !s.params[p - 1]) {
		for (p = 0; p < s.nparams; p++)
			free(s.params[p]);
		free(s.params);
		return false;
	}
	s.dev = *rest && strcmp(rest, "-") ? xstrdup(rest) : NULL;
	s.name = xstrdup(name);
	ARRAY_PUSH(sums->list, s);
	return true;
}
