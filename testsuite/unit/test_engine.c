// SPDX-License-Identifier: GPL-2.0
/*
 * test_engine.c - unit tests of rpmcheck's analysis engine, fed with
 * hand-written IR.
 *
 * Each test builds the IR the front end would produce for a small
 * function (a get followed by an error return, a guard, a loop, ...),
 * runs engine_run() or analyze_unit() on it with a small set of rules
 * loaded from a string, and checks the concrete outcome: the kind and
 * usage-count delta of every exit, whether the budget was hit, and the
 * warnings that diag_flush() prints (rule, function, how many).
 *
 * Deliberately ignores libclang and C parsing (the test cases in
 * testsuite/cases/ cover the front end), the text of notes, and exact warning
 * positions: a test names a rule and a function, not a column.
 *
 * Output: one "ok NAME" or "FAIL NAME: why" line per test, then
 * "N passed, M failed"; the exit status is 1 when a test failed.
 */
#define _POSIX_C_SOURCE 200809L	/* fileno(), dup2() */

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "diag.h"
#include "engine.h"
#include "frontend.h"
#include "ir.h"
#include "rules.h"
#include "summary.h"
#include "util.h"
#include "harness.h"

#define BUDGET		200000
#define ANY_KIND	-1

static const char test_rules[] =
	"pm_runtime_get_noresume    dev=0 count=+1\n"
	"pm_runtime_get_sync        dev=0 count=+1 ret=already-active sleeps\n"
	"pm_runtime_resume_and_get  dev=0 count=+1 when=ret==0 sleeps\n"
	"pm_runtime_get_if_active   dev=0 count=+1 when=ret>0\n"
	"pm_runtime_put             dev=0 count=-1\n"
	"pm_runtime_put_noidle      dev=0 count=-1\n"
	"class_pm_runtime_active_try_constructor dev=0 count=+1 when=ret>0 sleeps\n"
	"class_pm_runtime_active_try_destructor  dev=*0 count=-1 when=arg>0\n"
	"class_pm_runtime_active_try_lock_err    dev=*0 ret=err-of-arg\n"
	"test_panic                 noreturn   # like BUG()\n"
	"spin_lock                  enter=spinlock lock=0\n"
	"spin_trylock               enter=spinlock lock=0 when=ret>0\n"
	"spin_unlock                leave=spinlock lock=0\n"
	"msleep                     sleeps\n"
	"kmalloc                    gfp=1\n"
	"in_interrupt               context-query\n"
	"devm_request_irq           registers=hardirq:2\n"
	"devm_request_threaded_irq  registers=hardirq:2\n";
#define NR_TEST_RULES	18

static struct rules *rules;


/* ---- building IR ---- */

static struct ir_loc at(unsigned line)
{
	struct ir_loc loc = { line, 2 };

	return loc;
}

/* FUNC(dev, PARAM2): every test function has a "dev" parameter. */
static struct ir_func *new_func(const char *name, enum ir_ret_type rt,
				const char *param2)
{
	struct ir_func *fn = ir_func_new(name, "test.c");

	fn->ret_type = rt;
	fn->loc = at(1);
	fn->params = xcalloc(2, sizeof(char *));
	fn->params[fn->nparams++] = xstrdup("dev");
	ir_var(fn, "dev");
	if (param2) {
		fn->params[fn->nparams++] = xstrdup(param2);
		ir_var(fn, param2);
	}
	return fn;
}

/* CALLEE(dev), its result thrown away. */
static struct ir_insn *call_dev(struct ir_func *fn, int b, const char *callee,
				unsigned line)
{
	struct ir_insn *in = ir_add_call(fn, b, callee, at(line));

	ir_call_add_arg(in, "dev", ir_varval(ir_var(fn, "dev")), -1);
	return in;
}

/* VAR = CALLEE(dev), lowered as the front end does: %t = call; VAR = %t */
static void assign_call(struct ir_func *fn, int b, const char *var,
			const char *callee, unsigned line)
{
	struct ir_insn *in = call_dev(fn, b, callee, line);
	int t = ir_temp(fn);

	in->result = t;
	ir_add_assign(fn, b, ir_var(fn, var), ir_varval(t), at(line));
}

/* The guard helpers get "&VAR". */
static struct ir_insn *call_addr(struct ir_func *fn, int b, const char *callee,
				 const char *var, unsigned line)
{
	struct ir_insn *in = ir_add_call(fn, b, callee, at(line));
	char text[64];

	snprintf(text, sizeof(text), "&%s", var);
	ir_call_add_arg(in, text, ir_unknown(), ir_var(fn, var));
	return in;
}

/* if (VAR OP RHS) goto T; else goto F;  VAR NULL: an unknown condition */
static void branch(struct ir_func *fn, int b, const char *var, enum ir_cmp op,
		   long long rhs, const char *text, unsigned line, int t, int f)
{
	struct ir_cond cond = { 0 };

	cond.lhs = var ? ir_varval(ir_var(fn, var)) : ir_unknown();
	cond.op = op;
	cond.rhs = rhs;
	cond.text = xstrdup(text);
	cond.loc = at(line);
	cond.signed_int = true;		/* the tests branch on int results */
	ir_branch(fn, b, cond, t, f);
}

static void return_var(struct ir_func *fn, int b, const char *var,
		       unsigned line)
{
	struct ir_val v = ir_varval(ir_var(fn, var));

	ir_return(fn, b, &v, at(line));
}

static void return_const(struct ir_func *fn, int b, long long num,
			 unsigned line)
{
	struct ir_val v = ir_const(num);

	ir_return(fn, b, &v, at(line));
}

static void return_void(struct ir_func *fn, int b, unsigned line)
{
	ir_return(fn, b, NULL, at(line));
}

/* The variable NAME of FN, or -1 (ir_var() would create it). */
static int find_var(const struct ir_func *fn, const char *name)
{
	int v;

	for (v = 0; v < fn->nvars; v++)
		if (strcmp(fn->vars[v], name) == 0)
			return v;
	return -1;
}

/*
 * CALLEE(ARG, ...), the NULL-terminated args given as source text:
 * "0x400" a constant, "&x" the address of x, "dev" a variable FN has,
 * anything else (a function name "h", a string) an unknown value.
 */
static struct ir_insn *call(struct ir_func *fn, int b, unsigned line,
			    const char *callee, ...)
{
	struct ir_insn *in = ir_add_call(fn, b, callee, at(line));
	const char *text;
	va_list ap;

	va_start(ap, callee);
	while ((text = va_arg(ap, const char *))) {
		if (isdigit((unsigned char)text[0]) || text[0] == '-')
			ir_call_add_arg(in, text, ir_const(strtoll(text, NULL, 0)),
					-1);
		else if (text[0] == '&')
			ir_call_add_arg(in, text, ir_unknown(),
					ir_var(fn, text + 1));
		else if (find_var(fn, text) >= 0)
			ir_call_add_arg(in, text, ir_varval(find_var(fn, text)),
					-1);
		else
			ir_call_add_arg(in, text, ir_unknown(), -1);
	}
	va_end(ap);
	return in;
}

/* VAR = <the call IN, the last event of block B>, via a temporary. */
static void result_to(struct ir_func *fn, int b, struct ir_insn *in,
		      const char *var)
{
	struct ir_loc loc = in->loc;
	int t = ir_temp(fn);

	in->result = t;		/* before ir_add_assign() moves the insns */
	ir_add_assign(fn, b, ir_var(fn, var), ir_varval(t), loc);
}

/* spin_lock(&dev->lock) and spin_unlock(&dev->lock) */
static void lock(struct ir_func *fn, int b, unsigned line)
{
	call(fn, b, line, "spin_lock", "&dev->lock", NULL);
}

static void unlock(struct ir_func *fn, int b, unsigned line)
{
	call(fn, b, line, "spin_unlock", "&dev->lock", NULL);
}

/* ---- running and judging ---- */

static struct function_result *run(struct ir_func *fn, long budget)
{
	struct engine_ctx ctx = { .rules = rules, .budget = budget };

	return engine_run(&ctx, fn);
}

/* Exits of KIND (ANY_KIND: any) whose usage-count delta is DELTA. */
static int exits_with(const struct function_result *res, int kind, int delta)
{
	int i, n = 0;

	for (i = 0; i < res->nexits; i++)
		if ((kind == ANY_KIND || (int)res->exits[i].kind == kind) &&
		    res->exits[i].st.delta == delta)
			n++;
	return n;
}

static bool all_exits_balanced(const struct function_result *res)
{
	return res->nexits > 0 && exits_with(res, ANY_KIND, 0) == res->nexits;
}

struct warnings {
	char text[16384];
	int count;		/* what diag_flush() returned */
};

static void read_back(FILE *f, struct warnings *w)
{
	size_t n;

	rewind(f);
	n = fread(w->text, 1, sizeof(w->text) - 1, f);
	w->text[n] = '\0';
	fclose(f);
}

/* Print the pending warnings into W. */
static void take_warnings(struct warnings *w)
{
	FILE *f = tmpfile();

	if (!f) {
		perror("tmpfile");
		exit(2);
	}
	w->count = diag_flush(f);
	read_back(f, w);
}

/* How many warning lines of RULE name the function FN ('FN'). */
static int warnings_of(const struct warnings *w, const char *rule,
		       const char *fn)
{
	char tag[64], name[128], line[1024];
	const char *p = w->text;
	int n = 0;

	snprintf(tag, sizeof(tag), "[-W%s]", rule);
	snprintf(name, sizeof(name), "'%s'", fn);
	while (*p) {
		size_t len = strcspn(p, "\n");

		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		if (strstr(line, ": warning: ") && strstr(line, tag) &&
		    strstr(line, name))
			n++;
		p += len + (p[len] == '\n');
	}
	return n;
}

static void expect_no_warnings(int line)
{
	struct warnings w;

	take_warnings(&w);
	expect(w.count == 0, line, "%d unexpected warning(s):\n%s",
	       w.count, w.text);
}

#define EXPECT_NO_WARNINGS() expect_no_warnings(__LINE__)

/* ---- the IR of the tests ---- */

/*
 * int f(dev) { ret = GET(dev); if (ret < 0) { ERR_PUT(dev); return ret; }
 *		pm_runtime_put(dev); return 0; }
 * ERR_PUT NULL: no put on the error path.  OP/TEXT: the error test.
 */
static struct ir_func *get_then_error_return(const char *get,
					     const char *err_put,
					     enum ir_cmp op, const char *text)
{
	struct ir_func *fn = new_func("f", IRR_INT, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);

	assign_call(fn, b0, "ret", get, 10);
	branch(fn, b0, "ret", op, 0, text, 11, b1, b2);
	if (err_put)
		call_dev(fn, b1, err_put, 12);
	return_var(fn, b1, "ret", 13);
	call_dev(fn, b2, "pm_runtime_put", 14);
	return_const(fn, b2, 0, 15);
	return fn;
}

/* ---- the tests ---- */

static void get_sync_error_return_leaks(void)
{
	struct ir_func *fn = get_then_error_return("pm_runtime_get_sync", NULL,
						   IRC_LT, "ret < 0");
	struct function_result *res = run(fn, BUDGET);
	struct warnings w;

	EXPECT(res->nexits == 2, "%d exits, want 2", res->nexits);
	EXPECT(exits_with(res, RK_ERROR, 1) == 1,
	       "no error exit holding the reference");
	EXPECT(exits_with(res, RK_ZERO, 0) == 1, "no balanced 0 exit");
	EXPECT(res->has_get && res->has_put, "has_get/has_put not set");
	take_warnings(&w);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "rpm-leak", "f") == 1,
	       "no rpm-leak warning for 'f':\n%s", w.text);
	engine_result_free(res);
	ir_func_free(fn);
}

static void get_sync_error_return_with_put_noidle_is_balanced(void)
{
	struct ir_func *fn = get_then_error_return("pm_runtime_get_sync",
						   "pm_runtime_put_noidle",
						   IRC_LT, "ret < 0");
	struct function_result *res = run(fn, BUDGET);

	EXPECT(exits_with(res, RK_ERROR, 0) == 1, "no balanced error exit");
	EXPECT(all_exits_balanced(res), "an exit is not balanced");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

static void rule_switched_off_is_silent(void)
{
	struct ir_func *fn = get_then_error_return("pm_runtime_get_sync", NULL,
						   IRC_LT, "ret < 0");
	struct function_result *res;

	diag_enable("rpm-leak", false);
	res = run(fn, BUDGET);
	diag_enable("rpm-leak", true);
	EXPECT(exits_with(res, RK_ERROR, 1) == 1, "the leak is not explored");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

static void resume_and_get_failure_needs_no_put(void)
{
	struct ir_func *fn = get_then_error_return("pm_runtime_resume_and_get",
						   NULL, IRC_LT, "ret < 0");
	struct function_result *res = run(fn, BUDGET);

	EXPECT(res->nexits == 2, "%d exits, want 2", res->nexits);
	EXPECT(exits_with(res, RK_ERROR, 0) == 1,
	       "the failure exit is not a balanced error");
	EXPECT(exits_with(res, RK_ZERO, 0) == 1, "no balanced 0 exit");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

static void put_after_failed_resume_and_get_underflows(void)
{
	struct ir_func *fn = get_then_error_return("pm_runtime_resume_and_get",
						   "pm_runtime_put_noidle",
						   IRC_LT, "ret < 0");
	struct function_result *res = run(fn, BUDGET);
	struct warnings w;

	EXPECT(exits_with(res, RK_ERROR, -1) == 1,
	       "the failure exit does not drop below 0");
	take_warnings(&w);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "rpm-underflow", "f") == 1,
	       "no rpm-underflow warning for 'f':\n%s", w.text);
	engine_result_free(res);
	ir_func_free(fn);
}

/* get_sync(); put(); put(); */
/*
 * void f(dev) { get_sync(dev); put(dev); put(dev); }: the second put may
 * drop a reference somebody else kept (remove() dropping probe's), so a
 * straight-line second put is counted but not reported.
 */
static void straight_line_second_put_is_not_reported(void)
{
	struct ir_func *fn = new_func("f", IRR_VOID, NULL);
	struct function_result *res;

	call_dev(fn, fn->entry, "pm_runtime_get_sync", 10);
	call_dev(fn, fn->entry, "pm_runtime_put", 11);
	call_dev(fn, fn->entry, "pm_runtime_put", 12);
	return_void(fn, fn->entry, 13);
	res = run(fn, BUDGET);
	EXPECT(exits_with(res, RK_VOID, -1) == 1, "the exit is not at -1");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * int f(dev) { ret = get_sync(dev); if (ret < 0) { put_noidle(dev);
 * goto out; } ... out: put(dev); return ret; }: the error branch puts,
 * then the label puts again.
 */
static void error_branch_put_then_label_put_underflows(void)
{
	struct ir_func *fn = new_func("f", IRR_INT, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	int b3 = ir_block_new(fn);
	struct ir_val ret;
	struct function_result *res;
	struct warnings w;

	assign_call(fn, b0, "ret", "pm_runtime_get_sync", 10);
	branch(fn, b0, "ret", IRC_LT, 0, "ret < 0", 11, b1, b2);
	call_dev(fn, b1, "pm_runtime_put_noidle", 12);
	ir_jump(fn, b1, b3);
	ir_jump(fn, b2, b3);
	call_dev(fn, b3, "pm_runtime_put", 14);
	ret = ir_varval(ir_var(fn, "ret"));
	ir_return(fn, b3, &ret, (struct ir_loc){ 15, 2 });
	res = run(fn, BUDGET);
	take_warnings(&w);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "rpm-underflow", "f") == 1,
	       "no rpm-underflow warning for 'f':\n%s", w.text);
	engine_result_free(res);
	ir_func_free(fn);
}

/* void f(dev) { ret = get_if_active(dev); if (ret <= 0) return; put(dev); } */
static void get_if_active_zero_needs_no_put(void)
{
	struct ir_func *fn = new_func("f", IRR_VOID, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	struct function_result *res;

	assign_call(fn, b0, "ret", "pm_runtime_get_if_active", 10);
	branch(fn, b0, "ret", IRC_LE, 0, "ret <= 0", 11, b1, b2);
	return_void(fn, b1, 12);
	call_dev(fn, b2, "pm_runtime_put", 13);
	return_void(fn, b2, 14);
	res = run(fn, BUDGET);
	EXPECT(res->nexits >= 2, "%d exits, want 2 or more", res->nexits);
	EXPECT(all_exits_balanced(res), "an exit is not balanced");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

static void get_sync_positive_result_tested_as_error(void)
{
	struct ir_func *fn = get_then_error_return("pm_runtime_get_sync",
						   "pm_runtime_put_noidle",
						   IRC_NE, "ret");
	struct function_result *res = run(fn, BUDGET);
	struct warnings w;

	EXPECT(exits_with(res, RK_NONZERO, 0) == 1,
	       "the 'if (ret)' exit is not a balanced non-zero return");
	take_warnings(&w);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "rpm-get-sync-ret", "f") == 1,
	       "no rpm-get-sync-ret warning for 'f':\n%s", w.text);
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * void f(dev, enable) { if (enable) get_sync(dev); work(dev);
 *			 if (enable) put(dev); }
 */
static void flag_correlated_get_and_put_is_balanced(void)
{
	struct ir_func *fn = new_func("f", IRR_VOID, "enable");
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	int b3 = ir_block_new(fn), b4 = ir_block_new(fn);
	struct function_result *res;

	branch(fn, b0, "enable", IRC_NE, 0, "enable", 10, b1, b2);
	call_dev(fn, b1, "pm_runtime_get_sync", 11);
	ir_jump(fn, b1, b2);
	call_dev(fn, b2, "do_work", 12);
	branch(fn, b2, "enable", IRC_NE, 0, "enable", 13, b3, b4);
	call_dev(fn, b3, "pm_runtime_put", 14);
	ir_jump(fn, b3, b4);
	return_void(fn, b4, 15);
	res = run(fn, BUDGET);
	EXPECT(res->nexits == 2, "%d exits, want 2 (enable on and off)",
	       res->nexits);
	EXPECT(all_exits_balanced(res), "an exit is not balanced");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * void f(dev) { for (i = 0; i < n; i++) { GET(dev); work(dev); PUT } }
 * PUT false: the loop only takes references.
 */
static struct ir_func *loop_func(const char *get, bool put)
{
	struct ir_func *fn = new_func("f", IRR_VOID, NULL);
	int b0 = fn->entry, head = ir_block_new(fn);
	int body = ir_block_new(fn), out = ir_block_new(fn);
	int i = ir_var(fn, "i");

	ir_add_assign(fn, b0, i, ir_const(0), at(10));
	ir_jump(fn, b0, head);
	branch(fn, head, NULL, IRC_NE, 0, "i < n", 11, body, out);
	call_dev(fn, body, get, 12);
	call_dev(fn, body, "do_work", 13);
	if (put)
		call_dev(fn, body, "pm_runtime_put", 14);
	ir_add_assign(fn, body, i, ir_unknown(), at(11));
	ir_jump(fn, body, head);
	return_void(fn, out, 16);
	return fn;
}

static void loop_with_get_and_put_terminates_balanced(void)
{
	struct ir_func *fn = loop_func("pm_runtime_get_sync", true);
	struct function_result *res = run(fn, BUDGET);

	EXPECT(!res->budget_hit, "budget hit after %ld steps", res->steps);
	EXPECT(res->steps < 20, "%ld steps for a 4-block loop", res->steps);
	EXPECT(all_exits_balanced(res), "an exit is not balanced");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/* The delta saturates, so the states stop changing and the loop ends. */
static void loop_with_get_only_saturates_and_terminates(void)
{
	struct ir_func *fn = loop_func("pm_runtime_get_noresume", false);
	struct function_result *res = run(fn, BUDGET);
	int i, max = -100;

	for (i = 0; i < res->nexits; i++)
		if (res->exits[i].st.delta > max)
			max = res->exits[i].st.delta;
	EXPECT(!res->budget_hit, "budget hit after %ld steps", res->steps);
	EXPECT(res->steps < 40, "%ld steps for a 4-block loop", res->steps);
	EXPECT(exits_with(res, RK_VOID, 0) == 1, "no exit skipping the loop");
	EXPECT(exits_with(res, RK_VOID, 1) == 1, "no exit after one pass");
	EXPECT(max == 3, "highest delta %d, want the cap 3", max);
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * get_sync(dev); then NVARS times: if (vK) x(); else y(); then the same
 * tests again (each variable tested twice, so its sign is kept): 2^NVARS
 * paths.  put(dev); return;
 */
#define NVARS 20

static void two_way(struct ir_func *fn, int b, int k, int next, unsigned line)
{
	int t = ir_block_new(fn), f = ir_block_new(fn);
	char var[16];

	snprintf(var, sizeof(var), "v%d", k);
	branch(fn, b, var, IRC_NE, 0, var, line, t, f);
	call_dev(fn, t, "do_this", line + 1);
	ir_jump(fn, t, next);
	call_dev(fn, f, "do_that", line + 2);
	ir_jump(fn, f, next);
}

static struct ir_func *exploding_func(void)
{
	struct ir_func *fn = new_func("f", IRR_VOID, NULL);
	int b = fn->entry, k, next;

	call_dev(fn, b, "pm_runtime_get_sync", 2);
	for (k = 0; k < 2 * NVARS; k++) {
		next = ir_block_new(fn);
		two_way(fn, b, k % NVARS, next, 10 + 3 * k);
		b = next;
	}
	call_dev(fn, b, "pm_runtime_put", 500);
	return_void(fn, b, 501);
	return fn;
}

static void budget_stops_exploding_function(void)
{
	struct ir_func *fn = exploding_func();
	struct function_result *res;
	long budget = 300;

	alarm(20);	/* a run that does not stop is a failure too */
	res = run(fn, budget);
	alarm(0);
	EXPECT(res->budget_hit, "budget not hit (%ld steps)", res->steps);
	EXPECT(res->steps <= budget + 1, "%ld steps for a budget of %ld",
	       res->steps, budget);
	EXPECT(exits_with(res, ANY_KIND, 0) == res->nexits,
	       "an explored exit is not balanced");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * int foo_pm_get(dev) { ret = resume_and_get(dev); if (ret) return ret;
 *			 return 0; }		-> {<0: 0, 0: +1}
 */
static struct ir_func *helper_func(void)
{
	struct ir_func *fn = new_func("foo_pm_get", IRR_INT, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);

	assign_call(fn, b0, "ret", "pm_runtime_resume_and_get", 5);
	branch(fn, b0, "ret", IRC_NE, 0, "ret", 6, b1, b2);
	return_var(fn, b1, "ret", 7);
	return_const(fn, b2, 0, 8);
	return fn;
}

/*
 * int bar(dev) { ret = foo_pm_get(dev); if (ret) return ret;
 *		  ret = do_io(dev); if (ret) return ret;   <- leaks
 *		  pm_runtime_put(dev); return 0; }
 */
static struct ir_func *caller_func(void)
{
	struct ir_func *fn = new_func("bar", IRR_INT, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	int b3 = ir_block_new(fn), b4 = ir_block_new(fn);

	assign_call(fn, b0, "ret", "foo_pm_get", 20);
	branch(fn, b0, "ret", IRC_NE, 0, "ret", 21, b1, b2);
	return_var(fn, b1, "ret", 22);
	assign_call(fn, b2, "ret", "do_io", 23);
	branch(fn, b2, "ret", IRC_NE, 0, "ret", 24, b3, b4);
	return_var(fn, b3, "ret", 25);
	call_dev(fn, b4, "pm_runtime_put", 26);
	return_const(fn, b4, 0, 27);
	return fn;
}

/* Run analyze_unit() with its stderr captured in W. */
static void analyze_captured(struct fe_unit *unit, struct warnings *w)
{
	struct analyze_opts opts = { .rules = rules, .budget = BUDGET };
	FILE *f = tmpfile();
	int saved;

	if (!f) {
		perror("tmpfile");
		exit(2);
	}
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	dup2(fileno(f), STDERR_FILENO);
	w->count = analyze_unit(&opts, unit);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	read_back(f, w);
}

static void add_func(struct fe_unit *unit, struct ir_func *fn)
{
	unit->funcs = xrealloc(unit->funcs,
			       (unit->count + 1) * sizeof(*unit->funcs));
	unit->funcs[unit->count++] = fn;
}

static void free_unit(struct fe_unit *unit)
{
	int i;

	for (i = 0; i < unit->count; i++)
		ir_func_free(unit->funcs[i]);
	free(unit->funcs);
}

/* Without the helper's summary the caller looks balanced. */
static void caller_alone_is_silent(struct ir_func *caller)
{
	struct engine_ctx ctx = { .rules = rules, .sums = summaries_new(),
				  .budget = BUDGET };
	struct function_result *res = engine_run(&ctx, caller);

	EXPECT(exits_with(res, ANY_KIND, 1) == 0,
	       "an unknown helper raised the count");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	summaries_free(ctx.sums);
}

static void helper_summary_used_by_caller(void)
{
	struct fe_unit unit = { 0 };
	struct warnings w;

	/* the caller first: analyze_unit() must reorder */
	add_func(&unit, caller_func());
	add_func(&unit, helper_func());
	caller_alone_is_silent(unit.funcs[0]);
	analyze_captured(&unit, &w);
	EXPECT(w.count == 1, "analyze_unit() returned %d, want 1:\n%s",
	       w.count, w.text);
	EXPECT(warnings_of(&w, "rpm-leak", "bar") == 1,
	       "no rpm-leak warning for 'bar':\n%s", w.text);
	EXPECT(warnings_of(&w, "rpm-leak", "foo_pm_get") == 0 &&
	       strstr(w.text, "note: 'foo_pm_get' raises"),
	       "the helper is blamed or not noted as the get:\n%s", w.text);
	EXPECT(strstr(w.text, "test.c:25:"), "the leak is not at line 25:\n%s",
	       w.text);
	free_unit(&unit);
}

/*
 * int f(dev) { ACQUIRE(pm_runtime_active_try, pm)(dev);
 *		ret = ACQUIRE_ERR(pm_runtime_active_try, &pm);
 *		if (ret) return ret;  return 0; }
 * with the destructor called on &pm at both returns.
 */
static void guard_exit(struct ir_func *fn, int b)
{
	struct ir_insn *in = ir_add_call(fn, b,
			"class_pm_runtime_active_try_destructor", at(3));
	int pm = ir_var(fn, "pm");

	in->is_cleanup = true;
	ir_call_add_arg(in, "dev", ir_varval(pm), pm);
}

static void guard_destructor_drops_only_held_reference(void)
{
	struct ir_func *fn = new_func("f", IRR_INT, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	struct function_result *res;

	assign_call(fn, b0, "pm", "class_pm_runtime_active_try_constructor", 3);
	call_addr(fn, b0, "class_pm_runtime_active_try_lock_err", "pm",
		  4)->result = ir_var(fn, "ret");
	branch(fn, b0, "ret", IRC_NE, 0, "ret", 5, b1, b2);
	guard_exit(fn, b1);
	return_var(fn, b1, "ret", 6);
	guard_exit(fn, b2);
	return_const(fn, b2, 0, 7);
	res = run(fn, BUDGET);
	EXPECT(res->nexits == 2, "%d exits, want 2", res->nexits);
	EXPECT(exits_with(res, RK_ERROR, 0) == 1,
	       "the failed ACQUIRE exit is not a balanced error");
	EXPECT(exits_with(res, RK_ZERO, 0) == 1, "no balanced 0 exit");
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * void f(dev) { x = 0; CALLEE(ARG); if (x) get_noresume(dev); }
 * BY_ADDRESS: ARG is &x, else x.
 */
static struct function_result *run_escape(bool by_address)
{
	struct ir_func *fn = new_func("f", IRR_VOID, NULL);
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	int x = ir_var(fn, "x");
	struct function_result *res;
	struct ir_insn *in;

	ir_add_assign(fn, b0, x, ir_const(0), at(10));
	in = ir_add_call(fn, b0, "update", at(11));
	if (by_address)
		ir_call_add_arg(in, "&x", ir_unknown(), x);
	else
		ir_call_add_arg(in, "x", ir_varval(x), -1);
	branch(fn, b0, "x", IRC_NE, 0, "x", 12, b1, b2);
	call_dev(fn, b1, "pm_runtime_get_noresume", 13);
	ir_jump(fn, b1, b2);
	return_void(fn, b2, 14);
	res = run(fn, BUDGET);
	ir_func_free(fn);	/* the exits do not point into the IR */
	return res;
}

static void unknown_call_forgets_address_taken_var(void)
{
	struct function_result *res = run_escape(true);

	EXPECT(exits_with(res, RK_VOID, 1) == 1,
	       "update(&x) did not make 'if (x)' undecided");
	EXPECT(exits_with(res, RK_VOID, 0) == 1, "no exit skipping the get");
	engine_result_free(res);
	res = run_escape(false);
	EXPECT(res->nexits == 1 && exits_with(res, RK_VOID, 0) == 1,
	       "update(x) made x = 0 unknown (%d exits)", res->nexits);
	engine_result_free(res);
	EXPECT_NO_WARNINGS();
}

/*
 * int f(dev) { get_sync(dev); if (err) { test_panic(); return -5; }
 *		put(dev); return 0; }	(test_panic is noreturn)
 */
static void noreturn_call_ends_path(void)
{
	struct ir_func *fn = new_func("f", IRR_INT, "err");
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	struct function_result *res;

	call_dev(fn, b0, "pm_runtime_get_sync", 10);
	branch(fn, b0, "err", IRC_NE, 0, "err", 11, b1, b2);
	ir_add_call(fn, b1, "test_panic", at(12));
	return_const(fn, b1, -5, 13);
	call_dev(fn, b2, "pm_runtime_put", 14);
	return_const(fn, b2, 0, 15);
	res = run(fn, BUDGET);
	EXPECT(res->nexits == 1 && exits_with(res, RK_ZERO, 0) == 1,
	       "%d exits, want only the balanced 0 exit", res->nexits);
	EXPECT_NO_WARNINGS();
	engine_result_free(res);
	ir_func_free(fn);
}

/*
 * void f(dev, busy) { get_sync(dev); if (busy) return;  <- leaks
 *		       put(dev); return; }
 */
static void inconsistent_void_returns_leak(void)
{
	struct ir_func *fn = new_func("f", IRR_VOID, "busy");
	int b0 = fn->entry, b1 = ir_block_new(fn), b2 = ir_block_new(fn);
	struct function_result *res;
	struct warnings w;

	call_dev(fn, b0, "pm_runtime_get_sync", 10);
	branch(fn, b0, "busy", IRC_NE, 0, "busy", 11, b1, b2);
	return_void(fn, b1, 12);
	call_dev(fn, b2, "pm_runtime_put", 13);
	return_void(fn, b2, 14);
	res = run(fn, BUDGET);
	EXPECT(exits_with(res, RK_VOID, 1) == 1, "no exit holding a reference");
	take_warnings(&w);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "rpm-leak", "f") == 1 &&
	       strstr(w.text, "test.c:12:"),
	       "no rpm-leak warning for 'f' at line 12:\n%s", w.text);
	engine_result_free(res);
	ir_func_free(fn);
}

/* ---- sleep-in-atomic (needs the file context: through analyze_unit) ---- */

/* analyze_unit() on the NULL-terminated functions, which it frees. */
static void analyze_funcs(struct warnings *w, struct ir_func *first, ...)
{
	struct fe_unit unit = { 0 };
	struct ir_func *fn;
	va_list ap;

	va_start(ap, first);
	for (fn = first; fn; fn = va_arg(ap, struct ir_func *))
		add_func(&unit, fn);
	va_end(ap);
	analyze_captured(&unit, w);
	free_unit(&unit);
}

/* void NAME(dev) { spin_lock(&dev->lock); CALLEE(1); spin_unlock(...); }
 * AFTER: CALLEE comes after the unlock.  Lines BASE..BASE+3. */
static struct ir_func *locked_call(const char *name, const char *callee,
				   bool after, unsigned base)
{
	struct ir_func *fn = new_func(name, IRR_VOID, NULL);
	int b = fn->entry;

	lock(fn, b, base);
	if (!after)
		call(fn, b, base + 1, callee, "1", NULL);
	unlock(fn, b, base + 2 - after);
	if (after)
		call(fn, b, base + 2, callee, "1", NULL);
	return_void(fn, b, base + 3);
	return fn;
}

/* msleep() between spin_lock() and spin_unlock() warns; after, not. */
static void sleep_under_spinlock_warns_only_before_unlock(void)
{
	struct warnings w;

	analyze_funcs(&w, locked_call("f", "msleep", false, 10),
		      locked_call("g", "msleep", true, 20), NULL);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "f") == 1 &&
	       strstr(w.text, "test.c:11:2: warning: 'msleep' may sleep"),
	       "no sleep-in-atomic warning for 'f' at line 11:\n%s", w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "g") == 0,
	       "msleep() after the unlock is reported:\n%s", w.text);
}

/*
 * void f(dev) { r = spin_trylock(&dev->lock); if (r) { msleep(1);
 *		 spin_unlock(&dev->lock); } }	<- sleeps holding the lock
 * void g(dev) { r = spin_trylock(&dev->lock); if (!r) { msleep(1);
 *		 return; } spin_unlock(&dev->lock); }	<- lock not taken
 */
static void trylock_opens_section_only_on_success(void)
{
	struct ir_func *f = new_func("f", IRR_VOID, NULL);
	struct ir_func *g = new_func("g", IRR_VOID, NULL);
	int b1 = ir_block_new(f), b2 = ir_block_new(f);
	int c1 = ir_block_new(g), c2 = ir_block_new(g);
	struct warnings w;

	result_to(f, f->entry, call(f, f->entry, 10, "spin_trylock",
				    "&dev->lock", NULL), "r");
	branch(f, f->entry, "r", IRC_NE, 0, "r", 11, b1, b2);
	call(f, b1, 12, "msleep", "1", NULL);
	unlock(f, b1, 13);
	ir_jump(f, b1, b2);
	return_void(f, b2, 14);

	result_to(g, g->entry, call(g, g->entry, 20, "spin_trylock",
				    "&dev->lock", NULL), "r");
	branch(g, g->entry, "r", IRC_EQ, 0, "!r", 21, c1, c2);
	call(g, c1, 22, "msleep", "1", NULL);
	return_void(g, c1, 23);
	unlock(g, c2, 24);
	return_void(g, c2, 25);

	analyze_funcs(&w, f, g, NULL);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "f") == 1 &&
	       strstr(w.text, "test.c:12:2: warning:"),
	       "no warning for msleep() at line 12 after a taken trylock:\n%s",
	       w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "g") == 0,
	       "the failed-trylock side is taken as atomic:\n%s", w.text);
}

/* void NAME(dev, gfp) { spin_lock(); kmalloc(10, GFP); spin_unlock(); } */
static struct ir_func *locked_kmalloc(const char *name, const char *gfp,
				      unsigned base)
{
	struct ir_func *fn = new_func(name, IRR_VOID, "gfp");

	lock(fn, fn->entry, base);
	call(fn, fn->entry, base + 1, "kmalloc", "10", gfp, NULL);
	unlock(fn, fn->entry, base + 2);
	return_void(fn, fn->entry, base + 3);
	return fn;
}

/* GFP_KERNEL (0xcc0) has __GFP_DIRECT_RECLAIM, GFP_ATOMIC (0x820) not;
 * a mask passed in a variable is not judged. */
static void gfp_mask_decides_whether_kmalloc_sleeps(void)
{
	struct warnings w;

	analyze_funcs(&w, locked_kmalloc("alloc_kernel", "0xcc0", 10),
		      locked_kmalloc("alloc_atomic", "0x820", 20),
		      locked_kmalloc("alloc_param", "gfp", 30), NULL);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "alloc_kernel") == 1 &&
	       strstr(w.text, "test.c:11:2: warning: 'kmalloc' may sleep"),
	       "no warning for kmalloc(GFP_KERNEL) under the lock:\n%s",
	       w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "alloc_atomic") == 0,
	       "kmalloc(GFP_ATOMIC) is reported:\n%s", w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "alloc_param") == 0,
	       "kmalloc(gfp) with an unknown mask is reported:\n%s", w.text);
}

/* void NAME(dev) { msleep(1); } */
static struct ir_func *sleeper(const char *name, unsigned line)
{
	struct ir_func *fn = new_func(name, IRR_VOID, NULL);

	call(fn, fn->entry, line, "msleep", "1", NULL);
	return_void(fn, fn->entry, line + 1);
	return fn;
}

/* probe(dev) { devm_request_irq(dev, 1, h, 0, "x", dev); }: h runs in
 * hard IRQ context from its first line, though nothing locks in it. */
static void irq_handler_registered_in_file_is_atomic(void)
{
	struct ir_func *probe = new_func("probe", IRR_VOID, NULL);
	struct warnings w;

	call(probe, probe->entry, 20, "devm_request_irq", "dev", "1", "h",
	     "0", "\"x\"", "dev", NULL);
	return_void(probe, probe->entry, 21);
	analyze_funcs(&w, sleeper("h", 5), probe, NULL);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "h") == 1 &&
	       strstr(w.text, "test.c:5:2: warning:") &&
	       strstr(w.text, "hard IRQ handler 'h'"),
	       "no warning for msleep() in IRQ handler 'h':\n%s", w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "probe") == 0,
	       "the registering function is blamed:\n%s", w.text);
}

/*
 * probe(dev) { devm_request_threaded_irq(dev, 1, hard, thread, 0, "x",
 * dev); }: only argument 2 (hard) is a hard IRQ handler; the thread
 * function (argument 3) runs in a kernel thread and may sleep.
 */
static void threaded_irq_thread_function_may_sleep(void)
{
	struct ir_func *probe = new_func("probe", IRR_VOID, NULL);
	struct warnings w;

	call(probe, probe->entry, 20, "devm_request_threaded_irq", "dev", "1",
	     "hard", "thread", "0", "\"x\"", "dev", NULL);
	return_void(probe, probe->entry, 21);
	analyze_funcs(&w, sleeper("hard", 5), sleeper("thread", 10), probe,
		      NULL);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "thread") == 0,
	       "the IRQ thread function is taken as atomic:\n%s", w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "hard") == 1,
	       "argument 2 is not taken as the hard IRQ handler:\n%s", w.text);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
}

/*
 * void helper(dev, can_sleep) { if (can_sleep != 0) msleep(1); }
 * called under the lock as helper(dev, 0) by f0 and helper(dev, 1) by f1:
 * only f1 sleeps, reported at its call (line 31), not in the helper.
 */
static void helper_sleeping_on_parameter_judged_per_call(void)
{
	struct ir_func *helper = new_func("helper", IRR_VOID, "can_sleep");
	struct ir_func *f0 = new_func("f0", IRR_VOID, NULL);
	struct ir_func *f1 = new_func("f1", IRR_VOID, NULL);
	int b1 = ir_block_new(helper), b2 = ir_block_new(helper);
	struct warnings w;

	branch(helper, helper->entry, "can_sleep", IRC_NE, 0, "can_sleep",
	       5, b1, b2);
	call(helper, b1, 6, "msleep", "1", NULL);
	ir_jump(helper, b1, b2);
	return_void(helper, b2, 7);
	lock(f0, f0->entry, 20);
	call(f0, f0->entry, 21, "helper", "dev", "0", NULL);
	unlock(f0, f0->entry, 22);
	return_void(f0, f0->entry, 23);
	lock(f1, f1->entry, 30);
	call(f1, f1->entry, 31, "helper", "dev", "1", NULL);
	unlock(f1, f1->entry, 32);
	return_void(f1, f1->entry, 33);

	/* the callers first: analyze_unit() must summarise the helper first */
	analyze_funcs(&w, f0, f1, helper, NULL);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "f1") == 1 &&
	       strstr(w.text, "test.c:31:2: warning: 'helper' may sleep"),
	       "no warning at f1's helper(dev, 1) call:\n%s", w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "f0") == 0,
	       "helper(dev, 0) is taken to sleep:\n%s", w.text);
	EXPECT(!strstr(w.text, "but 'helper'") &&
	       !strstr(w.text, "test.c:6:2: warning:"),
	       "the helper itself is reported:\n%s", w.text);
}

/*
 * void f(dev) { spin_lock(); r = in_interrupt(); if (!r) msleep(1);
 *		 spin_unlock(); }: the path asked, it is not judged.
 * g is the same without the question, and warns.
 */
static void context_query_silences_the_path(void)
{
	struct ir_func *f = new_func("f", IRR_VOID, NULL);
	int b1 = ir_block_new(f), b2 = ir_block_new(f);
	struct warnings w;

	lock(f, f->entry, 10);
	result_to(f, f->entry, call(f, f->entry, 11, "in_interrupt", NULL),
		  "r");
	branch(f, f->entry, "r", IRC_EQ, 0, "!r", 12, b1, b2);
	call(f, b1, 13, "msleep", "1", NULL);
	ir_jump(f, b1, b2);
	unlock(f, b2, 14);
	return_void(f, b2, 15);
	analyze_funcs(&w, f, locked_call("g", "msleep", false, 20), NULL);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "f") == 0,
	       "a path that asked in_interrupt() is judged:\n%s", w.text);
	EXPECT(warnings_of(&w, "sleep-in-atomic", "g") == 1,
	       "no warning for 'g', which did not ask:\n%s", w.text);
	EXPECT(w.count == 1, "%d warnings, want 1:\n%s", w.count, w.text);
}

/* ---- the driver ---- */

#define TEST(name) { #name, name }

static const struct unit_test tests[] = {
	TEST(get_sync_error_return_leaks),
	TEST(get_sync_error_return_with_put_noidle_is_balanced),
	TEST(rule_switched_off_is_silent),
	TEST(resume_and_get_failure_needs_no_put),
	TEST(put_after_failed_resume_and_get_underflows),
	TEST(straight_line_second_put_is_not_reported),
	TEST(error_branch_put_then_label_put_underflows),
	TEST(get_if_active_zero_needs_no_put),
	TEST(get_sync_positive_result_tested_as_error),
	TEST(flag_correlated_get_and_put_is_balanced),
	TEST(loop_with_get_and_put_terminates_balanced),
	TEST(loop_with_get_only_saturates_and_terminates),
	TEST(budget_stops_exploding_function),
	TEST(helper_summary_used_by_caller),
	TEST(guard_destructor_drops_only_held_reference),
	TEST(unknown_call_forgets_address_taken_var),
	TEST(noreturn_call_ends_path),
	TEST(inconsistent_void_returns_leak),
	TEST(sleep_under_spinlock_warns_only_before_unlock),
	TEST(trylock_opens_section_only_on_success),
	TEST(gfp_mask_decides_whether_kmalloc_sleeps),
	TEST(irq_handler_registered_in_file_is_atomic),
	TEST(threaded_irq_thread_function_may_sleep),
	TEST(helper_sleeping_on_parameter_judged_per_call),
	TEST(context_query_silences_the_path),
};

static void load_rules(void)
{
	rules = rules_new();
	if (!rules_load_string(rules, "test_engine.c", test_rules) ||
	    rules_count(rules) != NR_TEST_RULES) {
		fprintf(stderr, "test_engine: the test rules did not load\n");
		exit(2);
	}
}

/* Drop warnings a failed test left behind, so the next one starts clean. */
static void discard_warnings(void)
{
	struct warnings w;

	take_warnings(&w);
}

int main(void)
{
	int failed;

	load_rules();
	failed = RUN_TESTS(tests, discard_warnings);
	rules_free(rules);
	return failed ? 1 : 0;
}
