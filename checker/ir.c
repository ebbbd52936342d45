/*
 * ir.c - building and printing rpmcheck's IR (see ir.h).
 *
 * Deliberately ignores validation: the front end and the unit tests are
 * trusted to terminate every block they create.
 */
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "util.h"

struct ir_func *ir_func_new(const char *name, const char *file)
{
	struct ir_func *fn = xcalloc(1, sizeof(*fn));

	fn->name = xstrdup(name);
	fn->file = xstrdup(file);
	fn->entry = ir_block_new(fn);
	return fn;
}

void ir_func_free(struct ir_func *fn)
{
	int b, i, a;

	if (!fn)
		return;
	for (b = 0; b < fn->nblocks; b++) {
		struct ir_block *bb = &fn->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *in = &bb->insns[i];

			for (a = 0; a < in->nargs; a++)
				free(in->args[a].text);
			free(in->args);
			free(in->callee);
			free(in->src_name);
		}
		free(bb->insns);
		free(bb->cond.text);
		free(bb->label);
	}
	for (i = 0; i < fn->nparams; i++)
		free(fn->params[i]);
	free(fn->params);
	strlist_free(&fn->locals);
	for (i = 0; i < fn->nvars; i++)
		free(fn->vars[i]);
	free(fn->vars);
	free(fn->blocks);
	free(fn->name);
	free(fn->file);
	free(fn->must_hold);
	free(fn);
}

int ir_find_var(const struct ir_func *fn, const char *name)
{
	int i;

	for (i = fn->nvars - 1; i >= 0; i--)
		if (strcmp(fn->vars[i], name) == 0)
			return i;
	return -1;
}

void ir_add_local(struct ir_func *fn, const char *name)
{
	ARRAY_PUSH(fn->locals, xstrdup(name));
}

/* The length of the variable TEXT starts with (after a '&'). */
static size_t root_length(const char *text)
{
	return strspn(text, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
}

static bool in_list(char **names, int count, const char *name, size_t n)
{
	int i;

	for (i = 0; i < count; i++)
		if (strlen(names[i]) == n && !strncmp(names[i], name, n))
			return true;
	return false;
}

bool ir_rooted_at_param(const struct ir_func *fn, const char *text)
{
	const char *d = text + (*text == '&');

	return in_list(fn->params, fn->nparams, d, root_length(d));
}

bool ir_has_name(const struct ir_func *fn, const char *name)
{
	size_t n = strlen(name);

	return in_list(fn->params, fn->nparams, name, n) ||
	       in_list(fn->locals.items, fn->locals.count, name, n) ||
	       in_list(fn->vars, fn->nvars, name, n);
}

int ir_var(struct ir_func *fn, const char *name)
{
	int i = ir_find_var(fn, name);

	if (i >= 0)
		return i;
	if (fn->nvars == fn->vars_alloc) {
		fn->vars_alloc = fn->vars_alloc ? 2 * fn->vars_alloc : 16;
		fn->vars = xrealloc(fn->vars, fn->vars_alloc * sizeof(char *));
	}
	fn->vars[fn->nvars] = xstrdup(name);
	return fn->nvars++;
}

int ir_temp(struct ir_func *fn)
{
	char name[32];

	snprintf(name, sizeof(name), "%%t%d", fn->nvars);
	return ir_var(fn, name);
}

int ir_block_new(struct ir_func *fn)
{
	struct ir_block *bb;

	if (fn->nblocks == fn->blocks_alloc) {
		fn->blocks_alloc = fn->blocks_alloc ? 2 * fn->blocks_alloc : 16;
		fn->blocks = xrealloc(fn->blocks,
				      fn->blocks_alloc * sizeof(*fn->blocks));
	}
	bb = &fn->blocks[fn->nblocks];
	memset(bb, 0, sizeof(*bb));
	bb->id = fn->nblocks;
	bb->succ[0] = bb->succ[1] = -1;
	return fn->nblocks++;
}

static struct ir_insn *add_insn(struct ir_func *fn, int block,
				enum ir_insn_kind kind, struct ir_loc loc)
{
	struct ir_block *bb = &fn->blocks[block];
	struct ir_insn *in;

	if (bb->ninsns == bb->alloc) {
		bb->alloc = bb->alloc ? 2 * bb->alloc : 4;
		bb->insns = xrealloc(bb->insns, bb->alloc * sizeof(*bb->insns));
	}
	in = &bb->insns[bb->ninsns++];
	memset(in, 0, sizeof(*in));
	in->kind = kind;
	in->loc = loc;
	in->id = fn->ninsn_ids++;
	in->result = -1;
	in->dst = -1;
	return in;
}

struct ir_insn *ir_add_call(struct ir_func *fn, int block, const char *callee,
			    struct ir_loc loc)
{
	struct ir_insn *in = add_insn(fn, block, IR_CALL, loc);

	in->callee = callee ? xstrdup(callee) : NULL;
	return in;
}

void ir_call_add_arg(struct ir_insn *call, const char *text, struct ir_val val,
		     int addr_of)
{
	call->args = xrealloc(call->args, (call->nargs + 1) * sizeof(*call->args));
	call->args[call->nargs].text = xstrdup(text ? text : "?");
	call->args[call->nargs].val = val;
	call->args[call->nargs].addr_of = addr_of;
	call->nargs++;
}

struct ir_insn *ir_add_assign(struct ir_func *fn, int block, int dst,
			      struct ir_val src, struct ir_loc loc)
{
	struct ir_insn *in = add_insn(fn, block, IR_ASSIGN, loc);

	in->dst = dst;
	in->src = src;
	return in;
}

void ir_jump(struct ir_func *fn, int block, int to)
{
	struct ir_block *bb = &fn->blocks[block];

	bb->term = IRT_JUMP;
	bb->succ[0] = to;
}

void ir_branch(struct ir_func *fn, int block, struct ir_cond cond,
	       int if_true, int if_false)
{
	struct ir_block *bb = &fn->blocks[block];

	bb->term = IRT_BRANCH;
	bb->cond = cond;
	bb->succ[0] = if_true;
	bb->succ[1] = if_false;
}

void ir_return(struct ir_func *fn, int block, const struct ir_val *val,
	       struct ir_loc loc)
{
	struct ir_block *bb = &fn->blocks[block];

	bb->term = IRT_RETURN;
	bb->has_retval = val != NULL;
	if (val)
		bb->retval = *val;
	bb->loc = loc;
}

void ir_stop(struct ir_func *fn, int block)
{
	fn->blocks[block].term = IRT_STOP;
}

struct ir_val ir_unknown(void)
{
	struct ir_val v = { .kind = IRV_UNKNOWN, .var = -1 };

	return v;
}

struct ir_val ir_const(long long num)
{
	struct ir_val v = { .kind = IRV_CONST, .num = num, .var = -1 };

	return v;
}

struct ir_val ir_varval(int var)
{
	struct ir_val v = { .kind = IRV_VAR, .var = var };

	return v;
}

const char *ir_cmp_str(enum ir_cmp op)
{
	static const char *const names[] = {
		[IRC_EQ] = "==", [IRC_NE] = "!=", [IRC_LT] = "<",
		[IRC_LE] = "<=", [IRC_GT] = ">", [IRC_GE] = ">=",
	};

	return names[op];
}

static void dump_val(FILE *out, const struct ir_func *fn, struct ir_val v)
{
	switch (v.kind) {
	case IRV_CONST:
		fprintf(out, "%lld", v.num);
		break;
	case IRV_VAR:
		fprintf(out, "%s", fn->vars[v.var]);
		break;
	default:
		fputs("?", out);
	}
}

static void dump_insn(FILE *out, const struct ir_func *fn,
		      const struct ir_insn *in)
{
	int a;

	fprintf(out, "\t%u:%u\t", in->loc.line, in->loc.col);
	if (in->kind == IR_ASSIGN) {
		fprintf(out, "%s = ", fn->vars[in->dst]);
		dump_val(out, fn, in->src);
		fputc('\n', out);
		return;
	}
	if (in->result >= 0)
		fprintf(out, "%s = ", fn->vars[in->result]);
	fprintf(out, "%s%s(", in->is_cleanup ? "cleanup " : "call ",
		in->callee ? in->callee : "<indirect>");
	for (a = 0; a < in->nargs; a++) {
		fprintf(out, "%s%s", a ? ", " : "", in->args[a].text);
		if (in->args[a].val.kind != IRV_UNKNOWN) {
			fputs(" {", out);
			dump_val(out, fn, in->args[a].val);
			fputc('}', out);
		}
	}
	fputs(")\n", out);
}

static void dump_term(FILE *out, const struct ir_func *fn,
		      const struct ir_block *bb)
{
	switch (bb->term) {
	case IRT_JUMP:
		if (bb->label)
			fprintf(out, "\tgoto %s -> B%d\n", bb->label, bb->succ[0]);
		else
			fprintf(out, "\tjump B%d\n", bb->succ[0]);
		break;
	case IRT_BRANCH:
		fputs("\tbranch ", out);
		if (bb->cond.lhs.kind == IRV_UNKNOWN) {
			fputs("?", out);
		} else {
			dump_val(out, fn, bb->cond.lhs);
			fprintf(out, " %s %lld", ir_cmp_str(bb->cond.op),
				bb->cond.rhs);
		}
		fprintf(out, " [%s] ? B%d : B%d\n",
			bb->cond.text ? bb->cond.text : "",
			bb->succ[0], bb->succ[1]);
		break;
	case IRT_RETURN:
		fprintf(out, "\t%u:%u\treturn", bb->loc.line, bb->loc.col);
		if (bb->has_retval) {
			fputc(' ', out);
			dump_val(out, fn, bb->retval);
		}
		fputc('\n', out);
		break;
	case IRT_STOP:
		fputs("\tstop\n", out);
		break;
	default:
		fputs("\t<unterminated>\n", out);
	}
}

void ir_dump(FILE *out, const struct ir_func *fn)
{
	static const char *const rtypes[] = {
		"void", "int", "unsigned", "bool", "pointer", "other",
	};
	int b, i;

	fprintf(out, "function %s (returns %s%s) at %s:%u\n", fn->name,
		rtypes[fn->ret_type], fn->is_static ? ", static" : "",
		fn->file, fn->loc.line);
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		fprintf(out, "B%d:%s\n", b, b == fn->entry ? " (entry)" : "");
		for (i = 0; i < bb->ninsns; i++)
			dump_insn(out, fn, &bb->insns[i]);
		dump_term(out, fn, bb);
	}
}

bool ir_cmp_holds(long long v, enum ir_cmp op, long long k)
{
	switch (op) {
	case IRC_EQ: return v == k;
	case IRC_NE: return v != k;
	case IRC_LT: return v < k;
	case IRC_LE: return v <= k;
	case IRC_GT: return v > k;
	default: return v >= k;
	}
}

/*
 * "&" AMP + ARG + REST, where ARG replaced a pointer parameter:
 * "&tpd->dev" with "&priv->tpd[1]" for tpd is "&priv->tpd[1].dev".
 */
static char *substitute(bool amp, const char *arg, const char *rest)
{
	if (arg[0] == '&' && strncmp(rest, "->", 2) == 0)
		return xasprintf("%s%s.%s", amp ? "&" : "", arg + 1, rest + 2);
	if (arg[0] == '&' && !*rest && amp)
		return xstrdup(arg);
	return xasprintf("%s%s%s", amp ? "&" : "", arg, rest);
}

char *ir_text_in_caller(const struct ir_func *callee, const char *text,
			const struct ir_insn *call)
{
	bool amp = *text == '&';
	const char *d = text + amp;
	int p;

	for (p = 0; p < callee->nparams && p < call->nargs; p++) {
		size_t n = strlen(callee->params[p]);

		if (strncmp(d, callee->params[p], n) != 0 ||
		    (d[n] && d[n] != '-' && d[n] != '.'))
			continue;
		return substitute(amp, call->args[p].text, d + n);
	}
	return NULL;
}

bool ir_returns_only_zero(const struct ir_func *fn)
{
	int b, returns = 0;

	if (fn->ret_type != IRR_INT && fn->ret_type != IRR_UINT)
		return false;
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		if (bb->term != IRT_RETURN)
			continue;
		if (!bb->has_retval || bb->retval.kind != IRV_CONST ||
		    bb->retval.num != 0)
			return false;
		returns++;
	}
	return returns > 0;
}

unsigned ir_cmp_zero_signs(enum ir_cmp op)
{
	static const unsigned signs[] = {
		[IRC_EQ] = 2, [IRC_NE] = 1 | 4, [IRC_LT] = 1,
		[IRC_LE] = 1 | 2, [IRC_GT] = 4, [IRC_GE] = 2 | 4,
	};

	return signs[op];
}

int *ir_reachable(const struct ir_func *fn, ir_edge_filter *edge_ok,
		  void *data, int *count)
{
	int *queue = xcalloc(fn->nblocks + 1, sizeof(int));
	unsigned char *seen = xcalloc(fn->nblocks + 1, 1);
	int head = 0, n = 0, s, b;

	queue[n++] = fn->entry;
	seen[fn->entry] = 1;
	while (head < n) {
		const struct ir_block *bb = &fn->blocks[b = queue[head++]];
		int nsucc = bb->term == IRT_JUMP ? 1 :
			    bb->term == IRT_BRANCH ? 2 : 0;

		for (s = 0; s < nsucc; s++) {
			int next = bb->succ[s];

			if (next < 0 || seen[next] ||
			    (edge_ok && !edge_ok(fn, b, s, data)))
				continue;
			seen[next] = 1;
			queue[n++] = next;
		}
	}
	free(seen);
	*count = n;
	return queue;
}

bool ir_edge_not_into(const struct ir_func *fn, int block, int side,
		      void *data)
{
	return fn->blocks[block].succ[side] != *(const int *)data;
}

const struct ir_insn *ir_find_call(const struct ir_func *fn,
				   ir_call_match *match, void *data)
{
	int b, i;

	for (b = 0; b < fn->nblocks; b++) {
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];

			if (in->kind == IR_CALL && in->callee && match(in, data))
				return in;
		}
	}
	return NULL;
}
