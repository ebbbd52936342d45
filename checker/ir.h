/*
 * ir.h - rpmcheck's intermediate representation.
 *
 * A function is a control-flow graph of basic blocks.  A block holds a
 * straight line of events (calls and assignments that matter to the
 * analysis) and ends in one terminator: a jump, a two-way branch on a
 * simple condition, a return, or a stop (the path ends, e.g. after a
 * noreturn call).  Values are deliberately tiny: a constant, a variable
 * (a local, a parameter, a temporary, or any other lvalue named by its
 * canonical text such as "priv->enabled") or unknown.
 *
 * Deliberately ignores: types beyond the return-type class, memory,
 * arithmetic and pointer values.  Whatever the front end cannot express
 * becomes "unknown", which the engine treats as "could be anything".
 */
#ifndef RPMCHECK_IR_H
#define RPMCHECK_IR_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

struct ir_loc {
	unsigned line, col;
};

enum ir_val_kind {
	IRV_UNKNOWN,
	IRV_CONST,
	IRV_VAR,
};

struct ir_val {
	enum ir_val_kind kind;
	long long num;		/* IRV_CONST */
	int var;		/* IRV_VAR: index into ir_func.vars */
};

enum ir_cmp {
	IRC_EQ, IRC_NE, IRC_LT, IRC_LE, IRC_GT, IRC_GE,
};

enum ir_insn_kind {
	IR_CALL,
	IR_ASSIGN,
};

struct ir_arg {
	char *text;		/* canonical text, e.g. "&pdev->dev" */
	struct ir_val val;
	int addr_of;		/* "&x": the variable x, else -1 */
};

struct ir_insn {
	enum ir_insn_kind kind;
	struct ir_loc loc;
	int id;			/* unique inside the function */
	/* IR_CALL */
	char *callee;		/* NULL for an indirect call */
	int nargs;
	struct ir_arg *args;
	int result;		/* variable receiving the result, or -1 */
	bool is_cleanup;	/* scope-exit call of a cleanup variable */
	/* IR_ASSIGN */
	int dst;
	struct ir_val src;
	bool src_is_function;	/* the address of a function: a callback */
	char *src_name;		/* ... and that function's name */
};

enum ir_term_kind {
	IRT_NONE,		/* not terminated yet (only while building) */
	IRT_JUMP,
	IRT_BRANCH,
	IRT_RETURN,
	IRT_STOP,
};

struct ir_cond {
	struct ir_val lhs;	/* IRV_UNKNOWN: either way is possible */
	enum ir_cmp op;
	long long rhs;
	char *text;		/* source-like text of the tested condition */
	struct ir_loc loc;	/* the tested value */
	bool only_true;		/* note only the true side (switch cases) */
	bool false_is_default;	/* the false side goes to "default:" */
	bool signed_int;	/* the tested value is a signed integer */
};

struct ir_block {
	int id;
	struct ir_insn *insns;
	int ninsns, alloc;
	enum ir_term_kind term;
	int succ[2];		/* JUMP: succ[0]; BRANCH: true, false */
	struct ir_cond cond;	/* BRANCH */
	struct ir_val retval;	/* RETURN */
	bool has_retval;
	struct ir_loc loc;	/* RETURN / goto location */
	char *label;		/* JUMP made by a goto: its label */
};

enum ir_ret_type {
	IRR_VOID,
	IRR_INT,
	IRR_UINT,		/* unsigned: a computed value is never negative */
	IRR_BOOL,
	IRR_PTR,
	IRR_OTHER,
};

struct ir_func {
	char *name;
	char *file;		/* as given on the command line */
	struct ir_loc loc;
	bool is_static;
	enum ir_ret_type ret_type;
	char **params;		/* parameter names, in order */
	int nparams;
	char **vars;
	int nvars, vars_alloc;
	struct ir_block *blocks;
	int nblocks, blocks_alloc;
	int entry;
	int ninsn_ids;
	/* __must_hold(lock) on the definition, when the lock is a spinlock
	 * or rwlock (the annotation expands to nothing outside sparse) */
	char *must_hold;
	bool must_hold_rwlock;
	struct ir_loc must_hold_loc;
	bool returns_only_zero;	/* ir_returns_only_zero(), once lowered */
	struct strlist locals;	/* automatic variables it declares */
};

struct ir_func *ir_func_new(const char *name, const char *file);
void ir_func_free(struct ir_func *fn);
int ir_var(struct ir_func *fn, const char *name);
/* The variable called NAME, or -1 (ir_var() adds it when missing). */
int ir_find_var(const struct ir_func *fn, const char *name);
/* FN declares the automatic variable NAME. */
void ir_add_local(struct ir_func *fn, const char *name);
/*
 * Is TEXT ("&pdev->dev", "priv->dev") rooted at a parameter of FN?  One
 * rooted elsewhere ("&ctrl->dev" of a local ctrl) no caller can name.
 */
bool ir_rooted_at_param(const struct ir_func *fn, const char *text);
/* Does FN have a parameter or variable called NAME? */
bool ir_has_name(const struct ir_func *fn, const char *name);
int ir_temp(struct ir_func *fn);
int ir_block_new(struct ir_func *fn);
struct ir_insn *ir_add_call(struct ir_func *fn, int block, const char *callee,
			    struct ir_loc loc);
void ir_call_add_arg(struct ir_insn *call, const char *text, struct ir_val val,
		     int addr_of);
struct ir_insn *ir_add_assign(struct ir_func *fn, int block, int dst,
			      struct ir_val src, struct ir_loc loc);
void ir_jump(struct ir_func *fn, int block, int to);
void ir_branch(struct ir_func *fn, int block, struct ir_cond cond,
	       int if_true, int if_false);
void ir_return(struct ir_func *fn, int block, const struct ir_val *val,
	       struct ir_loc loc);
void ir_stop(struct ir_func *fn, int block);

struct ir_val ir_unknown(void);
struct ir_val ir_const(long long num);
struct ir_val ir_varval(int var);
const char *ir_cmp_str(enum ir_cmp op);
/* Does "V OP K" hold? */
bool ir_cmp_holds(long long v, enum ir_cmp op, long long k);
/* The signs x may have when "x OP 0" holds: 1 negative, 2 zero, 4
 * positive (the engine's SIGN_* bits). */
unsigned ir_cmp_zero_signs(enum ir_cmp op);
/*
 * Does every return of FN give the constant 0 ("return 0;" after
 * register writes that cannot fail)?  Then it cannot fail, and its
 * callers' error branches after it are not taken.
 */
bool ir_returns_only_zero(const struct ir_func *fn);
/* TEXT ("&priv->dev"), an expression of CALLEE's parameters, in the
 * terms of CALL's arguments; a new string, or NULL when TEXT does not
 * start with a parameter. */
char *ir_text_in_caller(const struct ir_func *callee, const char *text,
			const struct ir_insn *call);
/*
 * The blocks reachable from FN's entry through the edges EDGE_OK accepts
 * (side 0: a jump or a branch's true side, 1: its false side), in
 * breadth-first order; *COUNT gets their number.  The caller frees it.
 */
typedef bool ir_edge_filter(const struct ir_func *fn, int block, int side,
			    void *data);
int *ir_reachable(const struct ir_func *fn, ir_edge_filter *edge_ok,
		  void *data, int *count);
/* An edge filter: DATA points to an int, a block never to be entered. */
bool ir_edge_not_into(const struct ir_func *fn, int block, int side,
		      void *data);
/*
 * The first call of FN (in block order) for which MATCH returns true, or
 * NULL.  MATCH sees only calls with a named callee.
 */
typedef bool ir_call_match(const struct ir_insn *call, void *data);
const struct ir_insn *ir_find_call(const struct ir_func *fn,
				   ir_call_match *match, void *data);
void ir_dump(FILE *out, const struct ir_func *fn);

#endif
