/*
 * frontend.c - libclang front end: parse a file, lower its functions to IR.
 *
 * This is the only file that includes clang-c/Index.h.  Each function
 * defined in the main file becomes a CFG (ir.h): statements become
 * blocks and edges (if/else, switch with fallthrough, loops, goto and
 * labels, break/continue, return), conditions are split at && || ! and
 * ?: so every branch tests one simple value, statement expressions are
 * inlined, and variables declared with __attribute__((cleanup(fn))) --
 * what guard() and scoped_guard() expand to -- get a call to fn at every
 * exit of their scope.
 *
 * libclang before LLVM 17 cannot tell a binary operator's opcode, so it
 * is read from clang's pretty-printed text of the expression.
 *
 * Deliberately ignores: arithmetic (its result is "unknown"), _Generic
 * and sizeof operands (never evaluated), what inline asm does (a
 * variable named as its operand only forgets its value), and everything
 * in function bodies outside the main file.
 */
#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

#include "frontend.h"
#include "util.h"

#define MAX_TEXT 160

struct children {
	CXCursor *items;
	int count, alloc;
};

struct cleanup {
	char *fn;
	char *var;
	struct ir_loc loc;
	int scope;		/* id of the scope it belongs to */
};

struct jump_target {
	int brk, cont;		/* -1: not a target for that */
	int depth;		/* number of open scopes when entered */
};

struct case_entry {
	bool is_default, is_range;
	long long value;
	int block;
	char *text;		/* the label as written: "V4L2_CID_EXPOSURE" */
};

struct switch_ctx {
	struct { struct case_entry *items; int count, alloc; } cases;
};

struct label {
	char *name;
	int block;
	int *scopes;		/* scope ids open at the label */
	int nscopes;
	bool defined;
};

struct pending_goto {
	int block;
	char *label;
	int *scopes;
	int nscopes;
	struct cleanup *cleanups;	/* innermost last */
	int ncleanups;
};

struct alias {
	char *var;
	char *text;
};

struct lower {
	const struct fe_unit *unit;
	struct ir_func *fn;
	int cur;
	struct { int *items; int count, alloc; } scopes;	/* scope ids */
	int next_scope_id;
	struct { struct cleanup *items; int count, alloc; } cleanups;
	struct { struct jump_target *items; int count, alloc; } targets;
	struct switch_ctx *sw;
	struct { struct label *items; int count, alloc; } labels;
	struct { struct pending_goto *items; int count, alloc; } gotos;
	struct { struct alias *items; int count, alloc; } aliases;
};

static struct ir_val lower_expr(struct lower *L, CXCursor c);
static const char *alias_of(struct lower *L, const char *var);
static char *lvalue_name(CXCursor c);
static bool is_pure_local(const char *name);
static void lower_cond(struct lower *L, CXCursor c, int if_true, int if_false);
static void lower_stmt(struct lower *L, CXCursor c);

/* ---- small libclang helpers ---- */

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	struct children *ch = data;

	(void)parent;
	ARRAY_PUSH(*ch, c);
	return CXChildVisit_Continue;
}

static struct children children_of(CXCursor c)
{
	struct children ch = { 0 };

	clang_visitChildren(c, collect_child, &ch);
	return ch;
}

static char *cx_take(CXString s)
{
	const char *p = clang_getCString(s);
	char *copy = xstrdup(p ? p : "");

	clang_disposeString(s);
	return copy;
}

static char *spelling_of(CXCursor c)
{
	return cx_take(clang_getCursorSpelling(c));
}

static struct ir_loc loc_of(CXSourceLocation sl)
{
	struct ir_loc loc;
	CXFile file;
	unsigned off;

	clang_getExpansionLocation(sl, &file, &loc.line, &loc.col, &off);
	return loc;
}

static struct ir_loc cursor_loc(CXCursor c)
{
	return loc_of(clang_getCursorLocation(c));
}

/* Where LOC is spelled (or expanded): its file buffer and offset. */
static const char *buffer_at(CXCursor c, CXSourceLocation loc, bool expansion,
			     unsigned *off, size_t *size, CXFile *file)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	unsigned line, col;

	if (expansion)
		clang_getExpansionLocation(loc, file, &line, &col, off);
	else
		clang_getSpellingLocation(loc, file, &line, &col, off);
	if (!*file)
		return NULL;
	return clang_getFileContents(tu, *file, size);
}

static bool is_word_char(char ch)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9');
}

/* Copy S[0..n) collapsing white space; SQUEEZE drops it between symbols. */
static char *normalize(const char *s, size_t n, bool squeeze)
{
	char *out = xmalloc(n + 1), *o = out;
	size_t i;

	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (ch == '\\' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			while (i + 1 < n && strchr(" \t\n\r\\", s[i + 1]))
				i++;
			if (o == out || i + 1 >= n)
				continue;
			if (squeeze && !(is_word_char(o[-1]) && is_word_char(s[i + 1])))
				continue;
			ch = ' ';
		}
		*o++ = ch;
	}
	*o = '\0';
	return out;
}

static char *text_between(CXCursor c, CXSourceRange r, bool expansion,
			  bool squeeze)
{
	unsigned b, e;
	size_t size;
	CXFile fb, fe;
	const char *buf = buffer_at(c, clang_getRangeStart(r), expansion, &b,
				    &size, &fb);

	if (!buf || !buffer_at(c, clang_getRangeEnd(r), expansion, &e, &size,
			       &fe) || !clang_File_isEqual(fb, fe) ||
	    e < b || e - b > 4 * MAX_TEXT || e > size)
		return NULL;
	return normalize(buf + b, e - b, squeeze);
}

/*
 * The source text of an expression, as written (macro arguments) or as
 * invoked (an expression made inside a macro body becomes the macro
 * call's text).  SQUEEZE gives the canonical form used to compare
 * devices: "& pdev -> dev" and "&pdev->dev" are the same.
 */
static char *source_text(CXCursor c, bool squeeze)
{
	CXSourceRange r = clang_getCursorExtent(c);
	char *text = text_between(c, r, false, squeeze);

	if (!text)
		text = text_between(c, r, true, squeeze);
	if (!text)
		text = xstrdup("?");
	if (strlen(text) > MAX_TEXT)
		strcpy(text + MAX_TEXT - 3, "...");
	return text;
}

static bool is_expr(CXCursor c)
{
	return clang_isExpression(clang_getCursorKind(c));
}

/* Skip parentheses and implicit conversions. */
static CXCursor strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		struct children ch;

		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
			return c;
		ch = children_of(c);
		if (ch.count != 1 || !is_expr(ch.items[0])) {
			free(ch.items);
			return c;
		}
		c = ch.items[0];
		free(ch.items);
	}
}

/* Like strip(), and also through explicit casts. */
static CXCursor strip_casts(CXCursor c)
{
	for (;;) {
		struct children ch;

		c = strip(c);
		if (clang_getCursorKind(c) != CXCursor_CStyleCastExpr)
			return c;
		ch = children_of(c);
		if (!ch.count || !is_expr(ch.items[ch.count - 1])) {
			free(ch.items);
			return c;
		}
		c = ch.items[ch.count - 1];
		free(ch.items);
	}
}

static CXCursor child_at(CXCursor c, int i)
{
	struct children ch = children_of(c);
	CXCursor r = clang_getNullCursor();

	if (i < 0)
		i += ch.count;
	if (i >= 0 && i < ch.count)
		r = ch.items[i];
	free(ch.items);
	return r;
}

static const char *const operators[] = {
	"<<=", ">>=", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "+=",
	"-=", "*=", "/=", "%=", "&=", "|=", "^=", "->", "++", "--",
	"<", ">", "=", "+", "-", "*", "/", "%", "&", "|", "^", ",", "!", "~",
	NULL,
};

/*
 * The token really spelled at LOC, even inside a macro's body (libclang's
 * clang_getSpellingLocation() gives the expansion site there, but
 * clang_tokenize() lexes the spelling).
 */
static bool spelled_token(CXTranslationUnit tu, CXSourceLocation loc,
			  CXFile *file, unsigned *off, char **text)
{
	CXToken *toks;
	unsigned n, line, col;

	clang_tokenize(tu, clang_getRange(loc, loc), &toks, &n);
	if (!n) {
		clang_disposeTokens(tu, toks, n);
		return false;
	}
	clang_getSpellingLocation(clang_getTokenLocation(tu, toks[0]), file,
				  &line, &col, off);
	if (text)
		*text = cx_take(clang_getTokenSpelling(tu, toks[0]));
	clang_disposeTokens(tu, toks, n);
	return *file != NULL;
}

static bool is_operator(const char *text)
{
	int i;

	for (i = 0; operators[i]; i++)
		if (strcmp(operators[i], text) == 0)
			return true;
	return false;
}

/* The operator token right before offset OFF of FILE. */
static char *operator_before_offset(CXTranslationUnit tu, CXFile file,
				    unsigned off)
{
	CXSourceLocation b = clang_getLocationForOffset(tu, file,
						off > 64 ? off - 64 : 0);
	CXSourceLocation e = clang_getLocationForOffset(tu, file, off);
	char *op = NULL;
	CXToken *toks;
	unsigned n, i;

	clang_tokenize(tu, clang_getRange(b, e), &toks, &n);
	for (i = 0; i < n; i++) {
		CXFile f;
		unsigned line, col, o;

		clang_getSpellingLocation(clang_getTokenLocation(tu, toks[i]),
					  &f, &line, &col, &o);
		if (o >= off)
			break;
		free(op);
		op = cx_take(clang_getTokenSpelling(tu, toks[i]));
	}
	clang_disposeTokens(tu, toks, n);
	if (op && !is_operator(op)) {
		free(op);
		op = NULL;
	}
	return op;
}

/* The operator spelled right before LOC (a binary operator's RHS). */
static char *operator_before(CXCursor c, CXSourceLocation loc)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	unsigned off, line, col;
	CXFile file;
	char *op = NULL;

	if (spelled_token(tu, loc, &file, &off, NULL))
		op = operator_before_offset(tu, file, off);
	if (!op) {
		clang_getExpansionLocation(loc, &file, &line, &col, &off);
		if (file)
			op = operator_before_offset(tu, file, off);
	}
	return op;
}

/* The operator spelled at LOC (a prefix operator). */
static char *operator_at(CXCursor c, CXSourceLocation loc)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	unsigned off;
	CXFile file;
	char *text;

	if (!spelled_token(tu, loc, &file, &off, &text))
		return NULL;
	if (is_operator(text))
		return text;
	free(text);
	return NULL;
}

/*
 * The operator of a binary or unary operator expression, e.g. "<=";
 * a postfix increment or decrement is "post++".  libclang before LLVM
 * 17 has no API for it, so it is read from the source buffer: right
 * before the right-hand side for a binary operator, at the start for a
 * prefix one.
 */
static char *operator_of(CXCursor c)
{
	struct children ch = children_of(c);
	char *op = NULL;

	if (ch.count < 1) {
		free(ch.items);
		return xstrdup("");
	}
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator) {
		op = operator_at(c, clang_getRangeStart(clang_getCursorExtent(c)));
		if (op && !strcmp(op, "->")) {
			free(op);
			op = xstrdup("-");
		}
		if (!op)
			op = xstrdup("post++");
	} else if (ch.count >= 2) {
		CXSourceLocation rhs =
			clang_getRangeStart(clang_getCursorExtent(ch.items[1]));

		op = operator_before(c, rhs);
	}
	free(ch.items);
	return op ? op : xstrdup("");
}

static bool const_of(CXCursor c, long long *out)
{
	CXEvalResult r;
	bool ok = false;

	r = clang_Cursor_Evaluate(c);
	if (!r)
		return false;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(r))
			*out = (long long)clang_EvalResult_getAsUnsigned(r);
		else
			*out = clang_EvalResult_getAsLongLong(r);
		ok = true;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

static bool is_signed_int(CXCursor c)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(c));

	switch (t.kind) {
	case CXType_Int: case CXType_Long: case CXType_LongLong:
	case CXType_Short: case CXType_SChar:
		return true;
	default:
		return false;
	}
}

static bool is_unsigned_type(CXCursor c)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(c));

	switch (t.kind) {
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
	case CXType_UShort: case CXType_UChar: case CXType_Pointer:
		return true;
	default:
		return false;
	}
}

/* ---- blocks, scopes and cleanups ---- */

static int cur_block(struct lower *L)
{
	if (L->cur < 0)
		L->cur = ir_block_new(L->fn);
	return L->cur;
}

static void jump_to(struct lower *L, int to)
{
	if (L->cur >= 0)
		ir_jump(L->fn, L->cur, to);
	L->cur = to;
}

static void emit_cleanup(struct lower *L, int block, const struct cleanup *cl)
{
	struct ir_insn *in;
	const char *dev = alias_of(L, cl->var);
	char *arg = dev ? xstrdup(dev) : xasprintf("&%s", cl->var);
	int var = ir_var(L->fn, cl->var);

	in = ir_add_call(L->fn, block, cl->fn, cl->loc);
	in->is_cleanup = true;
	ir_call_add_arg(in, arg, ir_varval(var), var);
	free(arg);
}

/* Run the cleanups of the scopes deeper than DEPTH, innermost first. */
static void emit_cleanups_to_depth(struct lower *L, int depth)
{
	int i;

	if (L->cur < 0)
		return;
	for (i = L->cleanups.count - 1; i >= 0; i--) {
		const struct cleanup *cl = &L->cleanups.items[i];
		int d;

		for (d = 0; d < L->scopes.count; d++)
			if (L->scopes.items[d] == cl->scope)
				break;
		if (d >= depth)
			emit_cleanup(L, L->cur, cl);
	}
}

static void push_scope(struct lower *L)
{
	ARRAY_PUSH(L->scopes, L->next_scope_id);
	L->next_scope_id++;
}

static void pop_scope(struct lower *L)
{
	int id = L->scopes.items[L->scopes.count - 1];

	emit_cleanups_to_depth(L, L->scopes.count - 1);
	while (L->cleanups.count &&
	       L->cleanups.items[L->cleanups.count - 1].scope == id) {
		struct cleanup *cl = &L->cleanups.items[--L->cleanups.count];

		free(cl->fn);
		free(cl->var);
	}
	L->scopes.count--;
}

/* ---- aliases: "struct device *dev = &pdev->dev;" ---- */

static void set_alias(struct lower *L, const char *var, const char *text)
{
	int i;

	for (i = 0; i < L->aliases.count; i++) {
		if (strcmp(L->aliases.items[i].var, var) == 0) {
			free(L->aliases.items[i].text);
			L->aliases.items[i].text = text ? xstrdup(text) : NULL;
			return;
		}
	}
	if (text) {
		struct alias a = { xstrdup(var), xstrdup(text) };

		ARRAY_PUSH(L->aliases, a);
	}
}

static const char *alias_of(struct lower *L, const char *var)
{
	int i;

	for (i = 0; i < L->aliases.count; i++)
		if (strcmp(L->aliases.items[i].var, var) == 0)
			return L->aliases.items[i].text;
	return NULL;
}

/* Canonical text of an expression, with local aliases resolved. */
static char *canonical_text(struct lower *L, CXCursor c)
{
	char *text = lvalue_name(c);
	const char *a;

	if (!text)
		text = source_text(strip_casts(c), true);
	a = alias_of(L, text);

	if (a) {
		free(text);
		return xstrdup(a);
	}
	if (strlen(text) > MAX_TEXT)
		strcpy(text + MAX_TEXT - 3, "...");
	return text;
}

/* ---- lvalues ---- */

static bool is_pointer(CXCursor c)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(c));

	return t.kind == CXType_Pointer;
}

/*
 * The name of an lvalue built from the AST, independent of macros:
 * "ret", "priv->dev", "pdev->dev.parent", "*p", "regs[2]".  NULL when
 * it is not a plain lvalue (a call, a variable index, ...).
 */
static char *lvalue_name(CXCursor c)
{
	CXCursor base;
	char *b, *name = NULL, *op;
	long long idx;

	c = strip_casts(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr: {
		CXCursor ref = clang_getCursorReferenced(c);
		enum CXCursorKind k = clang_getCursorKind(ref);

		if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl)
			return spelling_of(ref);
		return NULL;
	}
	case CXCursor_MemberRefExpr:
		base = child_at(c, 0);
		if (clang_Cursor_isNull(base) || !(b = lvalue_name(base)))
			return NULL;
		op = spelling_of(c);
		name = xasprintf("%s%s%s", b, is_pointer(base) ? "->" : ".", op);
		free(op);
		free(b);
		return name;
	case CXCursor_ArraySubscriptExpr:
		base = child_at(c, 0);
		if (!const_of(child_at(c, 1), &idx) || !(b = lvalue_name(base)))
			return NULL;
		name = xasprintf("%s[%lld]", b, idx);
		free(b);
		return name;
	case CXCursor_UnaryOperator:
		op = operator_of(c);
		if ((!strcmp(op, "*") || !strcmp(op, "&")) &&
		    (b = lvalue_name(child_at(c, 0)))) {
			if (op[0] == '*' && b[0] == '&')
				name = xstrdup(b + 1);
			else
				name = xasprintf("%s%s", op, b);
			free(b);
		}
		free(op);
		return name;
	default:
		return NULL;
	}
}

/* The variable an lvalue names, or -1.  "*&x" names x. */
static int lvalue_var(struct lower *L, CXCursor c)
{
	char *name = lvalue_name(c);
	int var = -1;

	if (name && name[0] != '&' && strlen(name) <= MAX_TEXT)
		var = ir_var(L->fn, name);
	free(name);
	return var;
}

static bool is_function_address(CXCursor c)
{
	c = strip_casts(c);
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator)
		c = strip_casts(child_at(c, 0));	/* &fn */
	return clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	       clang_getCursorKind(clang_getCursorReferenced(c)) ==
	       CXCursor_FunctionDecl;
}

/* The name of the function in "fn" or "&fn". */
static char *function_name_of(CXCursor c)
{
	c = strip_casts(c);
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator)
		c = strip_casts(child_at(c, 0));
	return spelling_of(clang_getCursorReferenced(c));
}

static void assign(struct lower *L, int var, struct ir_val v, CXCursor rhs,
		   struct ir_loc loc)
{
	const char *name = L->fn->vars[var];
	struct ir_insn *in;

	in = ir_add_assign(L->fn, cur_block(L), var, v, loc);
	in->src_is_function = !clang_Cursor_isNull(rhs) &&
			      is_function_address(rhs);
	if (in->src_is_function)
		in->src_name = function_name_of(rhs);
	if (clang_Cursor_isNull(rhs) || v.kind == IRV_CONST ||
	    clang_getCursorKind(strip_casts(rhs)) == CXCursor_CallExpr) {
		set_alias(L, name, NULL);
	} else {
		char *text = canonical_text(L, rhs);

		set_alias(L, name, strcmp(text, name) ? text : NULL);
		free(text);
	}
}

/*
 * asm("xchgb %0, %1" : "+q" (__ret), "+m" (*ptr)) (xchg(), cmpxchg()):
 * an output operand changes.  libclang does not say which operands are
 * outputs, so every variable named as an operand forgets its value.
 */
static void lower_asm(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	CXCursor op;
	int i, var;

	for (i = 0; i < ch.count; i++) {
		op = strip_casts(ch.items[i]);
		if (clang_getCursorKind(op) != CXCursor_DeclRefExpr ||
		    (var = lvalue_var(L, op)) < 0)
			continue;
		ir_add_assign(L->fn, cur_block(L), var, ir_unknown(),
			      cursor_loc(c));
	}
	free(ch.items);
}

/* ---- expressions ---- */

static struct ir_val lower_children(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	int i;

	for (i = 0; i < ch.count; i++)
		if (is_expr(ch.items[i]))
			lower_expr(L, ch.items[i]);
	free(ch.items);
	return ir_unknown();
}

/* Evaluate a boolean expression into 1 or 0 in a fresh temporary. */
static struct ir_val lower_bool_value(struct lower *L, CXCursor c)
{
	int t = ir_temp(L->fn);
	int bt = ir_block_new(L->fn), bf = ir_block_new(L->fn);
	int join = ir_block_new(L->fn);
	struct ir_loc loc = cursor_loc(c);

	cur_block(L);
	lower_cond(L, c, bt, bf);
	ir_add_assign(L->fn, bt, t, ir_const(1), loc);
	ir_jump(L->fn, bt, join);
	ir_add_assign(L->fn, bf, t, ir_const(0), loc);
	ir_jump(L->fn, bf, join);
	L->cur = join;
	return ir_varval(t);
}

static const char *const args_not_evaluated[] = {
	"__builtin_constant_p", "__builtin_types_compatible_p",
	"__builtin_object_size", "__builtin_dynamic_object_size", NULL,
};

static bool skips_args(const char *name)
{
	int i;

	for (i = 0; args_not_evaluated[i]; i++)
		if (strcmp(name, args_not_evaluated[i]) == 0)
			return true;
	return false;
}

static char *callee_name(CXCursor call)
{
	CXCursor ref = clang_getCursorReferenced(call);

	if (clang_Cursor_isNull(ref) ||
	    clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return NULL;
	return spelling_of(ref);
}

/* "&x" with x a nameable lvalue: x's variable, else -1. */
static int address_taken(struct lower *L, CXCursor arg)
{
	CXCursor c = strip_casts(arg);
	char *op;
	int var = -1;

	if (clang_getCursorKind(c) != CXCursor_UnaryOperator)
		return -1;
	op = operator_of(c);
	if (strcmp(op, "&") == 0)
		var = lvalue_var(L, child_at(c, 0));
	free(op);
	return var;
}

static bool is_guard_constructor(const char *name)
{
	return starts_with(name, "class_") && ends_with(name, "_constructor");
}

/* A fresh temporary, or for a pure query the variable "name(args)". */
static int pure_result(struct lower *L, const char *name,
		       const struct ir_insn *in)
{
	char *text, *name_end;
	int i, var;

	if (!name || (!is_pure_local(name) && (!L->unit->is_pure ||
	    !L->unit->is_pure(name, L->unit->pure_ctx))))
		return ir_temp(L->fn);
	text = xasprintf("%s(", name);
	for (i = 0; i < in->nargs; i++) {
		char *next = xasprintf("%s%s%s", text, i ? ", " : "",
				       in->args[i].text);

		free(text);
		text = next;
	}
	name_end = xasprintf("%s)", text);
	var = ir_var(L->fn, name_end);
	free(name_end);
	free(text);
	return var;
}

/* The argument the rules want as a constant (a gfp mask), evaluated. */
static void const_arg_value(struct lower *L, const char *name, CXCursor c,
			    struct ir_val *vals, int n)
{
	int i;
	long long k;

	if (!name || !L->unit->const_arg)
		return;
	i = L->unit->const_arg(name, L->unit->pure_ctx);
	if (i >= 0 && i < n && const_of(clang_Cursor_getArgument(c, i), &k))
		vals[i] = ir_const(k);
}

static struct ir_val lower_call(struct lower *L, CXCursor c)
{
	char *name = callee_name(c);
	int n = clang_Cursor_getNumArguments(c), i;
	struct ir_val *vals;
	struct ir_insn *in;
	struct ir_val res = ir_unknown();
	CXType rt;

	if (name && strcmp(name, "__builtin_expect") == 0 && n >= 1) {
		free(name);
		return lower_expr(L, clang_Cursor_getArgument(c, 0));
	}
	if (name && skips_args(name)) {
		free(name);
		return ir_unknown();
	}
	if (!name)
		lower_expr(L, child_at(c, 0));
	vals = xcalloc(n, sizeof(*vals));
	for (i = 0; i < n; i++)
		vals[i] = lower_expr(L, clang_Cursor_getArgument(c, i));
	const_arg_value(L, name, c, vals, n);
	in = ir_add_call(L->fn, cur_block(L), name, cursor_loc(c));
	for (i = 0; i < n; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, i);
		char *text = canonical_text(L, arg);

		ir_call_add_arg(in, text, vals[i], address_taken(L, arg));
		free(text);
	}
	rt = clang_getCursorType(c);
	if (rt.kind != CXType_Void) {
		in->result = pure_result(L, name, in);
		res = ir_varval(in->result);
		if (name && is_guard_constructor(name) && n >= 1)
			set_alias(L, L->fn->vars[in->result], in->args[0].text);
	}
	free(vals);
	free(name);
	return res;
}

static bool is_comparison(const char *op)
{
	static const char *const ops[] = { "==", "!=", "<", "<=", ">", ">=", NULL };
	int i;

	for (i = 0; ops[i]; i++)
		if (strcmp(op, ops[i]) == 0)
			return true;
	return false;
}

/* ---- flag bits: "if (priv->flags & FOO_BUSY)" ---- */

/*
 * A test of a constant mask on a plain lvalue is a variable of its own,
 * named "priv->flags & 4", so two tests of the same bit agree, "|=" sets
 * it and "&= ~" clears it.
 */
static int bit_var(struct lower *L, const char *name, long long mask)
{
	char *text = xasprintf("%s & %lld", name, mask);
	int var = ir_var(L->fn, text);

	free(text);
	return var;
}

static int bit_test_var(struct lower *L, CXCursor c)
{
	CXCursor a = child_at(c, 0), b = child_at(c, 1);
	char *name;
	long long mask;
	int var = -1;

	if (!const_of(b, &mask)) {
		CXCursor t = a;

		a = b;
		b = t;
		if (!const_of(b, &mask))
			return -1;
	}
	name = lvalue_name(a);
	if (name && name[0] != '&' && mask)
		var = bit_var(L, name, mask);
	free(name);
	return var;
}

/* After "NAME op= K", update or forget the bit variables of NAME. */
static void update_bits(struct lower *L, const char *name, const char *op,
			bool known, long long k, struct ir_loc loc)
{
	size_t n = strlen(name);
	int i, nvars = L->fn->nvars;

	if (known && !strcmp(op, "|="))
		ir_add_assign(L->fn, cur_block(L), bit_var(L, name, k),
			      ir_const(1), loc);
	for (i = 0; i < nvars; i++) {
		const char *v = L->fn->vars[i];
		long long mask;
		struct ir_val val = ir_unknown();

		if (strncmp(v, name, n) || strncmp(v + n, " & ", 3))
			continue;
		mask = strtoll(v + n + 3, NULL, 10);
		if (known && !strcmp(op, "|=") && !(mask & k))
			continue;
		if (known && !strcmp(op, "|=") && (mask & k) == mask)
			val = ir_const(1);
		if (known && !strcmp(op, "&=") && !(mask & k))
			val = ir_const(0);
		if (known && !strcmp(op, "&=") && (mask & k) == mask)
			continue;
		ir_add_assign(L->fn, cur_block(L), i, val, loc);
	}
}

static struct ir_val lower_compound_assign(struct lower *L, CXCursor c)
{
	CXCursor lhs = child_at(c, 0);
	char *op = operator_of(c), *name = lvalue_name(lhs);
	long long k = 0;
	bool known = const_of(child_at(c, 1), &k);
	int var;

	lower_children(L, c);
	var = lvalue_var(L, lhs);
	if (var >= 0)
		ir_add_assign(L->fn, cur_block(L), var, ir_unknown(),
			      cursor_loc(c));
	if (name && name[0] != '&')
		update_bits(L, name, op, known, k, cursor_loc(c));
	free(name);
	free(op);
	return ir_unknown();
}

static struct ir_val lower_assign(struct lower *L, CXCursor c)
{
	CXCursor lhs = child_at(c, 0), rhs = child_at(c, 1);
	struct ir_val v = lower_expr(L, rhs);
	int var = lvalue_var(L, lhs);

	if (var < 0) {
		lower_expr(L, lhs);
		return v;
	}
	assign(L, var, v, rhs, cursor_loc(c));
	update_bits(L, L->fn->vars[var], "=", false, 0, cursor_loc(c));
	return ir_varval(var);
}

static struct ir_val lower_binary(struct lower *L, CXCursor c)
{
	char *op = operator_of(c);
	struct ir_val v;

	if (strcmp(op, "=") == 0) {
		v = lower_assign(L, c);
	} else if (strcmp(op, "&&") == 0 || strcmp(op, "||") == 0 ||
		   is_comparison(op)) {
		v = lower_bool_value(L, c);
	} else if (strcmp(op, ",") == 0) {
		lower_expr(L, child_at(c, 0));
		v = lower_expr(L, child_at(c, 1));
	} else {
		long long k;
		int bit;

		if (!strcmp(op, "&") && (bit = bit_test_var(L, c)) >= 0)
			v = ir_varval(bit);
		else if (const_of(c, &k))
			v = ir_const(k);
		else
			v = lower_children(L, c);
	}
	free(op);
	return v;
}

static struct ir_val lower_unary(struct lower *L, CXCursor c)
{
	char *op = operator_of(c);
	struct ir_val v = ir_unknown();
	long long k;
	int var;

	if (strcmp(op, "!") == 0) {
		v = lower_bool_value(L, c);
	} else if ((strcmp(op, "-") == 0 || strcmp(op, "~") == 0 ||
		    strcmp(op, "+") == 0) && const_of(c, &k)) {
		v = ir_const(k);
	} else if (strcmp(op, "*") == 0 && (var = lvalue_var(L, c)) >= 0 &&
		   strcmp(L->fn->vars[var], "") != 0) {
		lower_children(L, c);
		v = ir_varval(var);
	} else if (strcmp(op, "&") == 0) {
		/* taking an address evaluates nothing */
	} else if (strstr(op, "++") || strstr(op, "--")) {
		lower_children(L, c);
		var = lvalue_var(L, child_at(c, 0));
		if (var >= 0)
			ir_add_assign(L->fn, cur_block(L), var, ir_unknown(),
				      cursor_loc(c));
	} else {
		lower_children(L, c);
	}
	free(op);
	return v;
}

static struct ir_val lower_conditional(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	int t = ir_temp(L->fn);
	int bt = ir_block_new(L->fn), bf = ir_block_new(L->fn);
	int join = ir_block_new(L->fn);
	struct ir_val v;

	if (ch.count != 3) {
		free(ch.items);
		return lower_children(L, c);
	}
	cur_block(L);
	lower_cond(L, ch.items[0], bt, bf);
	L->cur = bt;
	v = lower_expr(L, ch.items[1]);
	ir_add_assign(L->fn, cur_block(L), t, v, cursor_loc(ch.items[1]));
	jump_to(L, join);
	L->cur = bf;
	v = lower_expr(L, ch.items[2]);
	ir_add_assign(L->fn, cur_block(L), t, v, cursor_loc(ch.items[2]));
	jump_to(L, join);
	free(ch.items);
	return ir_varval(t);
}

/*
 * GNU "a ?: b" reaches libclang as an unexposed expression with four
 * children: a (three times, as the common, tested and true values) and b.
 */
static bool is_binary_conditional(CXCursor c)
{
	struct children ch = children_of(c);
	bool r = false;

	if (ch.count == 4) {
		CXSourceLocation a = clang_getRangeStart(clang_getCursorExtent(ch.items[0]));
		CXSourceLocation b = clang_getRangeStart(clang_getCursorExtent(ch.items[2]));

		r = clang_equalLocations(a, b) && is_expr(ch.items[3]);
	}
	free(ch.items);
	return r;
}

static struct ir_val lower_binary_conditional(struct lower *L, CXCursor c)
{
	CXCursor a = child_at(c, 0), b = child_at(c, 3);
	int t = ir_temp(L->fn);
	int bt = ir_block_new(L->fn), bf = ir_block_new(L->fn);
	int join = ir_block_new(L->fn);
	struct ir_val v = lower_expr(L, a);
	struct ir_cond cond = { .lhs = v, .op = IRC_NE, .rhs = 0 };

	cond.text = source_text(a, false);
	cond.loc = cursor_loc(a);
	if (v.kind == IRV_UNKNOWN)
		cond.lhs = ir_unknown();
	ir_add_assign(L->fn, cur_block(L), t, v, cursor_loc(a));
	cond.lhs = v.kind == IRV_VAR ? ir_varval(t) : cond.lhs;
	if (v.kind == IRV_CONST) {
		free(cond.text);
		jump_to(L, v.num ? bt : bf);
	} else {
		ir_branch(L->fn, cur_block(L), cond, bt, bf);
	}
	ir_jump(L->fn, bt, join);
	L->cur = bf;
	v = lower_expr(L, b);
	ir_add_assign(L->fn, cur_block(L), t, v, cursor_loc(b));
	jump_to(L, join);
	L->cur = join;
	return ir_varval(t);
}

/* ({ ...; value; }): the statements, then the value of the last one. */
static struct ir_val lower_stmt_expr(struct lower *L, CXCursor c)
{
	CXCursor body = child_at(c, 0);
	struct children ch;
	struct ir_val v = ir_unknown();
	int i;

	if (clang_Cursor_isNull(body))
		return v;
	ch = children_of(body);
	push_scope(L);
	for (i = 0; i < ch.count; i++) {
		if (i == ch.count - 1 && is_expr(ch.items[i]))
			v = lower_expr(L, ch.items[i]);
		else
			lower_stmt(L, ch.items[i]);
	}
	pop_scope(L);
	free(ch.items);
	return v;
}

static struct ir_val lower_decl_ref(struct lower *L, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind k = clang_getCursorKind(ref);

	if (k == CXCursor_EnumConstantDecl)
		return ir_const(clang_getEnumConstantDeclValue(ref));
	if (k == CXCursor_VarDecl &&
	    clang_isConstQualifiedType(clang_getCursorType(ref))) {
		long long n;

		if (const_of(c, &n))
			return ir_const(n);
	}
	if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl)
		return ir_varval(lvalue_var(L, c));
	if (k == CXCursor_FunctionDecl)
		return ir_const(1);	/* a function's address is not NULL */
	return ir_unknown();
}

static struct ir_val lower_expr(struct lower *L, CXCursor c)
{
	long long k;
	int var;

	if (clang_Cursor_isNull(c))
		return ir_unknown();
	switch (clang_getCursorKind(c)) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
		return const_of(c, &k) ? ir_const(k) : ir_unknown();
	case CXCursor_DeclRefExpr:
		return lower_decl_ref(L, c);
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		var = lvalue_var(L, c);
		if (var >= 0)
			return ir_varval(var);
		return lower_children(L, c);
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
		if (is_expr(strip(c)) && !clang_equalCursors(strip(c), c))
			return lower_expr(L, strip(c));
		if (is_binary_conditional(c))
			return lower_binary_conditional(L, c);
		return lower_children(L, c);
	case CXCursor_CStyleCastExpr:
		if (const_of(c, &k))
			return ir_const(k);
		return lower_expr(L, child_at(c, -1));
	case CXCursor_CallExpr:
		return lower_call(L, c);
	case CXCursor_BinaryOperator:
		return lower_binary(L, c);
	case CXCursor_CompoundAssignOperator:
		return lower_compound_assign(L, c);
	case CXCursor_UnaryOperator:
		return lower_unary(L, c);
	case CXCursor_ConditionalOperator:
		return lower_conditional(L, c);
	case CXCursor_StmtExpr:
		return lower_stmt_expr(L, c);
	case CXCursor_UnaryExpr:		/* sizeof, alignof */
		return const_of(c, &k) ? ir_const(k) : ir_unknown();
	case CXCursor_GenericSelectionExpr:
	case CXCursor_StringLiteral:
		return ir_unknown();
	default:
		return lower_children(L, c);
	}
}

/* ---- conditions ---- */

static CXFile main_file;

/* Functions of the main file that only compute (see find_pure_locals). */
static struct { char **items; int count, alloc; } pure_locals;

static bool is_pure_local(const char *name)
{
	int i;

	for (i = 0; i < pure_locals.count; i++)
		if (strcmp(pure_locals.items[i], name) == 0)
			return true;
	return false;
}

/* Text for notes; NULL for tests written inside a macro's body. */
static char *cond_text(CXCursor c)
{
	CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(c));
	unsigned off;
	CXFile file;

	if (!spelled_token(clang_Cursor_getTranslationUnit(c), loc, &file,
			   &off, NULL) ||
	    !main_file || !clang_File_isEqual(file, main_file))
		return NULL;
	return source_text(c, false);
}

static void branch_on(struct lower *L, struct ir_val lhs, enum ir_cmp op,
		      long long rhs, CXCursor c, CXCursor tested,
		      int if_true, int if_false)
{
	struct ir_cond cond = { .op = op, .rhs = rhs };

	if (lhs.kind == IRV_CONST) {
		bool r;

		switch (op) {
		case IRC_EQ: r = lhs.num == rhs; break;
		case IRC_NE: r = lhs.num != rhs; break;
		case IRC_LT: r = lhs.num < rhs; break;
		case IRC_LE: r = lhs.num <= rhs; break;
		case IRC_GT: r = lhs.num > rhs; break;
		default: r = lhs.num >= rhs; break;
		}
		jump_to(L, r ? if_true : if_false);
		L->cur = -1;
		return;
	}
	cond.lhs = lhs;
	cond.text = cond_text(c);
	cond.loc = cursor_loc(tested);
	cond.signed_int = is_signed_int(tested);
	ir_branch(L->fn, cur_block(L), cond, if_true, if_false);
	L->cur = -1;
}

static enum ir_cmp cmp_of(const char *op)
{
	if (!strcmp(op, "==")) return IRC_EQ;
	if (!strcmp(op, "!=")) return IRC_NE;
	if (!strcmp(op, "<")) return IRC_LT;
	if (!strcmp(op, "<=")) return IRC_LE;
	if (!strcmp(op, ">")) return IRC_GT;
	return IRC_GE;
}

static enum ir_cmp swap_cmp(enum ir_cmp op)
{
	switch (op) {
	case IRC_LT: return IRC_GT;
	case IRC_LE: return IRC_GE;
	case IRC_GT: return IRC_LT;
	case IRC_GE: return IRC_LE;
	default: return op;
	}
}

/*
 * "(unsigned long)x >= (unsigned long)-MAX_ERRNO" (IS_ERR_VALUE) tests
 * whether x is an error code: rewrite it to x < 0.
 */
static bool unsigned_errno_test(CXCursor lhs, long long k, enum ir_cmp *op)
{
	if (!is_unsigned_type(lhs) || k >= 0 || k < -4096)
		return false;
	if (*op == IRC_GE || *op == IRC_GT)
		*op = IRC_LT;
	else if (*op == IRC_LT || *op == IRC_LE)
		*op = IRC_GE;
	else
		return false;
	return true;
}

static void lower_comparison(struct lower *L, CXCursor c, const char *opname,
			     int if_true, int if_false)
{
	CXCursor lc = child_at(c, 0), rc = child_at(c, 1);
	struct ir_val lhs = lower_expr(L, lc), rhs = lower_expr(L, rc);
	enum ir_cmp op = cmp_of(opname);
	CXCursor tested = lc;

	if (lhs.kind == IRV_CONST && rhs.kind != IRV_CONST) {
		struct ir_val t = lhs;

		lhs = rhs;
		rhs = t;
		op = swap_cmp(op);
		tested = rc;
	}
	if (rhs.kind != IRV_CONST || lhs.kind == IRV_UNKNOWN) {
		branch_on(L, ir_unknown(), IRC_NE, 0, c, c, if_true, if_false);
		return;
	}
	if (rhs.num < 0 && unsigned_errno_test(tested, rhs.num, &op))
		rhs.num = 0;
	branch_on(L, lhs, op, rhs.num, c, tested, if_true, if_false);
}

static bool is_builtin_expect(CXCursor c)
{
	char *name;
	bool r;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return false;
	name = callee_name(c);
	r = name && strcmp(name, "__builtin_expect") == 0;
	free(name);
	return r;
}

/*
 * "IS_ERR(p)" tests whether p holds an ERR_PTR(), which the engine sees
 * as a negative value (summaries of pointer functions, ret=errptr): it
 * is lowered to "p < 0", so the test agrees with what p is known to be.
 */
static bool lower_is_err(struct lower *L, CXCursor c, int if_true, int if_false)
{
	CXCursor arg;
	struct ir_val v;
	char *name;
	bool is_err;

	if (clang_getCursorKind(c) != CXCursor_CallExpr ||
	    clang_Cursor_getNumArguments(c) != 1)
		return false;
	name = callee_name(c);
	is_err = name && strcmp(name, "IS_ERR") == 0;
	free(name);
	if (!is_err)
		return false;
	arg = strip_casts(clang_Cursor_getArgument(c, 0));
	if (clang_getCursorKind(arg) != CXCursor_DeclRefExpr)
		return false;
	v = lower_expr(L, arg);
	if (v.kind != IRV_VAR)
		return false;
	branch_on(L, v, IRC_LT, 0, c, arg, if_true, if_false);
	return true;
}

static void lower_cond(struct lower *L, CXCursor c, int if_true, int if_false)
{
	enum CXCursorKind k;
	struct ir_val v;
	char *op = NULL;

	c = strip_casts(c);
	if (is_builtin_expect(c)) {
		lower_cond(L, clang_Cursor_getArgument(c, 0), if_true, if_false);
		return;
	}
	if (lower_is_err(L, c, if_true, if_false))
		return;
	k = clang_getCursorKind(c);
	if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator)
		op = operator_of(c);
	if (op && strcmp(op, "!") == 0) {
		lower_cond(L, child_at(c, 0), if_false, if_true);
	} else if (op && (!strcmp(op, "&&") || !strcmp(op, "||"))) {
		int mid = ir_block_new(L->fn);

		if (!strcmp(op, "&&"))
			lower_cond(L, child_at(c, 0), mid, if_false);
		else
			lower_cond(L, child_at(c, 0), if_true, mid);
		L->cur = mid;
		lower_cond(L, child_at(c, 1), if_true, if_false);
	} else if (op && strcmp(op, ",") == 0) {
		lower_expr(L, child_at(c, 0));
		lower_cond(L, child_at(c, 1), if_true, if_false);
	} else if (op && k == CXCursor_BinaryOperator && is_comparison(op)) {
		lower_comparison(L, c, op, if_true, if_false);
	} else {
		v = lower_expr(L, c);
		branch_on(L, v, IRC_NE, 0, c, c, if_true, if_false);
	}
	free(op);
}

/* ---- statements ---- */

static void push_target(struct lower *L, int brk, int cont)
{
	struct jump_target t = { brk, cont, L->scopes.count };

	ARRAY_PUSH(L->targets, t);
}

static void lower_if(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	int bt = ir_block_new(L->fn), bf = ir_block_new(L->fn);
	int join = ch.count > 2 ? ir_block_new(L->fn) : bf;

	cur_block(L);
	lower_cond(L, ch.items[0], bt, bf);
	L->cur = bt;
	lower_stmt(L, ch.items[1]);
	jump_to(L, join);
	if (ch.count > 2) {
		L->cur = bf;
		lower_stmt(L, ch.items[2]);
		jump_to(L, join);
	}
	L->cur = join;
	free(ch.items);
}

static void lower_loop(struct lower *L, CXCursor cond, CXCursor inc,
		       CXCursor body, bool test_first)
{
	int head = ir_block_new(L->fn), bbody = ir_block_new(L->fn);
	int bcont = ir_block_new(L->fn), exit = ir_block_new(L->fn);

	jump_to(L, test_first ? head : bbody);
	L->cur = head;
	if (clang_Cursor_isNull(cond))
		jump_to(L, bbody);
	else
		lower_cond(L, cond, bbody, exit);
	L->cur = bbody;
	push_target(L, exit, bcont);
	lower_stmt(L, body);
	L->targets.count--;
	jump_to(L, bcont);
	if (!clang_Cursor_isNull(inc))
		lower_expr(L, inc);
	jump_to(L, head);
	L->cur = exit;
}

/* Is this for-loop clause an initialisation or increment (vs a test)? */
static bool is_side_effect_clause(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(strip(c));
	char *op;
	bool r;

	if (k == CXCursor_DeclStmt || k == CXCursor_CompoundAssignOperator)
		return true;
	if (k != CXCursor_BinaryOperator && k != CXCursor_UnaryOperator)
		return false;
	op = operator_of(strip(c));
	r = !strcmp(op, "=") || !strcmp(op, ",") || strstr(op, "++") ||
	    strstr(op, "--");
	free(op);
	return r;
}

/*
 * libclang skips absent for-clauses, so which child is which is
 * inferred: the body is last; a leading declaration or assignment is
 * the init; an assignment or increment after the test is the step.
 */
static void lower_for(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	CXCursor init = clang_getNullCursor(), cond = init, inc = init;
	CXCursor *cl = ch.items;
	int n = ch.count - 1;

	if (n == 3) {
		init = cl[0], cond = cl[1], inc = cl[2];
	} else if (n == 2) {
		if (is_side_effect_clause(cl[0])) {
			init = cl[0];
			if (is_side_effect_clause(cl[1]))
				inc = cl[1];
			else
				cond = cl[1];
		} else {
			cond = cl[0], inc = cl[1];
		}
	} else if (n == 1) {
		if (clang_getCursorKind(cl[0]) == CXCursor_DeclStmt)
			init = cl[0];
		else if (is_side_effect_clause(cl[0]))
			inc = cl[0];
		else
			cond = cl[0];
	}
	push_scope(L);
	if (!clang_Cursor_isNull(init))
		lower_stmt(L, init);
	lower_loop(L, cond, inc, ch.items[ch.count - 1], true);
	pop_scope(L);
	free(ch.items);
}

static void add_case(struct lower *L, struct case_entry e)
{
	ARRAY_PUSH(L->sw->cases, e);
}

static void lower_case(struct lower *L, CXCursor c, bool is_default)
{
	struct children ch = children_of(c);
	struct case_entry e = { .is_default = is_default };
	int block = ir_block_new(L->fn);

	jump_to(L, block);
	e.block = block;
	if (!is_default) {
		e.is_range = ch.count > 2;
		if (!const_of(ch.items[0], &e.value))
			e.is_range = true;
		e.text = source_text(ch.items[0], false);
	}
	if (L->sw)
		add_case(L, e);
	if (ch.count)
		lower_stmt(L, ch.items[ch.count - 1]);
	free(ch.items);
}

/* A switch test is explained as "case N", and only when it is taken. */
static void name_case(struct ir_cond *cond, const struct case_entry *e)
{
	if (!cond->text)
		return;
	free(cond->text);
	cond->text = xasprintf("case %s%s", e->text ? e->text : "?",
			       e->is_range ? " ..." : "");
	cond->only_true = true;
}

static void emit_dispatch(struct lower *L, int head, struct ir_val v,
			  CXCursor cond, int exit)
{
	struct switch_ctx *sw = L->sw;
	int i, deflt = exit, test, last_test = -1;

	L->cur = head;
	for (i = 0; i < sw->cases.count; i++) {
		struct case_entry *e = &sw->cases.items[i];
		int next;

		if (e->is_default) {
			deflt = e->block;
			continue;
		}
		next = ir_block_new(L->fn);
		test = cur_block(L);
		if (e->is_range)
			branch_on(L, ir_unknown(), IRC_EQ, 0, cond, cond,
				  e->block, next);
		else
			branch_on(L, v, IRC_EQ, e->value, cond, cond,
				  e->block, next);
		if (L->fn->blocks[test].term == IRT_BRANCH) {
			name_case(&L->fn->blocks[test].cond, e);
			last_test = test;
		}
		L->cur = next;
	}
	/* no case matched: say so when that means the default arm */
	if (last_test >= 0 && deflt != exit)
		L->fn->blocks[last_test].cond.false_is_default = true;
	jump_to(L, deflt);
	L->cur = -1;
}

static void lower_switch(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	struct switch_ctx sw = { 0 }, *outer = L->sw;
	int head, exit = ir_block_new(L->fn), i;
	struct ir_val v;

	v = lower_expr(L, ch.items[0]);
	head = cur_block(L);
	L->cur = -1;
	L->sw = &sw;
	push_target(L, exit, -1);
	lower_stmt(L, ch.items[ch.count - 1]);
	L->targets.count--;
	jump_to(L, exit);
	emit_dispatch(L, head, v, ch.items[0], exit);
	L->sw = outer;
	L->cur = exit;
	for (i = 0; i < sw.cases.count; i++)
		free(sw.cases.items[i].text);
	free(sw.cases.items);
	free(ch.items);
}

static void lower_break(struct lower *L, bool is_continue)
{
	int i;

	for (i = L->targets.count - 1; i >= 0; i--) {
		struct jump_target *t = &L->targets.items[i];
		int to = is_continue ? t->cont : t->brk;

		if (to < 0)
			continue;
		emit_cleanups_to_depth(L, t->depth);
		jump_to(L, to);
		break;
	}
	L->cur = -1;
}

static void lower_return(struct lower *L, CXCursor c)
{
	CXCursor e = child_at(c, 0);
	struct ir_loc loc = cursor_loc(c);

	if (!clang_Cursor_isNull(e) && is_expr(e)) {
		struct ir_val v = lower_expr(L, e);

		if (L->cleanups.count && v.kind == IRV_VAR) {
			int t = ir_temp(L->fn);

			ir_add_assign(L->fn, cur_block(L), t, v, loc);
			v = ir_varval(t);
		}
		emit_cleanups_to_depth(L, 0);
		ir_return(L->fn, cur_block(L), &v, loc);
	} else {
		emit_cleanups_to_depth(L, 0);
		ir_return(L->fn, cur_block(L), NULL, loc);
	}
	L->cur = -1;
}

static struct label *find_label(struct lower *L, const char *name)
{
	struct label lb = { 0 };
	int i;

	for (i = 0; i < L->labels.count; i++)
		if (strcmp(L->labels.items[i].name, name) == 0)
			return &L->labels.items[i];
	lb.name = xstrdup(name);
	lb.block = ir_block_new(L->fn);
	ARRAY_PUSH(L->labels, lb);
	return &L->labels.items[L->labels.count - 1];
}

static int *copy_scopes(struct lower *L)
{
	int *s = xcalloc(L->scopes.count + 1, sizeof(int));

	memcpy(s, L->scopes.items, L->scopes.count * sizeof(int));
	return s;
}

static void lower_label(struct lower *L, CXCursor c)
{
	char *name = spelling_of(c);
	struct label *lb = find_label(L, name);

	lb->defined = true;
	lb->scopes = copy_scopes(L);
	lb->nscopes = L->scopes.count;
	jump_to(L, lb->block);
	free(name);
	lower_stmt(L, child_at(c, -1));
}

static void lower_goto(struct lower *L, CXCursor c)
{
	CXCursor ref = child_at(c, 0);
	struct pending_goto g = { 0 };
	int i;

	g.label = clang_Cursor_isNull(ref) ? xstrdup("?") : spelling_of(ref);
	g.block = cur_block(L);
	g.scopes = copy_scopes(L);
	g.nscopes = L->scopes.count;
	g.cleanups = xcalloc(L->cleanups.count + 1, sizeof(struct cleanup));
	for (i = 0; i < L->cleanups.count; i++) {
		g.cleanups[i] = L->cleanups.items[i];
		g.cleanups[i].fn = xstrdup(g.cleanups[i].fn);
		g.cleanups[i].var = xstrdup(g.cleanups[i].var);
	}
	g.ncleanups = L->cleanups.count;
	L->fn->blocks[g.block].loc = cursor_loc(c);
	ARRAY_PUSH(L->gotos, g);
	L->cur = -1;
}

/* Gotos are resolved at the end: run the cleanups of scopes left. */
static void resolve_goto(struct lower *L, struct pending_goto *g)
{
	struct label *lb = find_label(L, g->label);
	int common = 0, i, s;

	while (common < g->nscopes && common < lb->nscopes &&
	       g->scopes[common] == lb->scopes[common])
		common++;
	for (i = g->ncleanups - 1; i >= 0; i--) {
		for (s = common; s < g->nscopes; s++)
			if (g->scopes[s] == g->cleanups[i].scope)
				emit_cleanup(L, g->block, &g->cleanups[i]);
		free(g->cleanups[i].fn);
		free(g->cleanups[i].var);
	}
	if (lb->defined) {
		ir_jump(L->fn, g->block, lb->block);
		L->fn->blocks[g->block].label = xstrdup(g->label);
	} else {
		ir_stop(L->fn, g->block);
	}
	free(g->cleanups);
	free(g->scopes);
	free(g->label);
}

/* The cleanup function of a variable, from its attribute or guard type. */
static char *cleanup_fn_of(CXCursor var)
{
	struct children ch = children_of(var);
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(var);
	char *fn = NULL;
	int i;

	for (i = 0; i < ch.count && !fn; i++) {
		CXToken *toks;
		unsigned n, t;

		if (clang_getCursorKind(ch.items[i]) != CXCursor_UnexposedAttr)
			continue;
		clang_tokenize(tu, clang_getCursorExtent(ch.items[i]), &toks, &n);
		for (t = 0; t + 2 < n && !fn; t++) {
			char *w = cx_take(clang_getTokenSpelling(tu, toks[t]));

			if (strcmp(w, "cleanup") == 0 || strcmp(w, "__cleanup__") == 0)
				fn = cx_take(clang_getTokenSpelling(tu, toks[t + 2]));
			free(w);
		}
		clang_disposeTokens(tu, toks, n);
		if (!fn) {
			char *type = cx_take(clang_getTypeSpelling(
					clang_getCursorType(var)));

			if (starts_with(type, "class_") && ends_with(type, "_t"))
				fn = xasprintf("%.*sdestructor",
					       (int)strlen(type) - 1, type);
			free(type);
		}
	}
	free(ch.items);
	return fn;
}

static void lower_var_decl(struct lower *L, CXCursor d)
{
	struct children ch = children_of(d);
	char *name = spelling_of(d), *fn;
	CXCursor init = clang_getNullCursor();
	int var, i;

	for (i = 0; i < ch.count; i++)
		if (is_expr(ch.items[i]))
			init = ch.items[i];
	var = ir_var(L->fn, name);
	ir_add_local(L->fn, name);
	if (!clang_Cursor_isNull(init) &&
	    clang_getCursorKind(init) != CXCursor_InitListExpr) {
		struct ir_val v = lower_expr(L, init);

		assign(L, var, v, init, cursor_loc(d));
		if (v.kind == IRV_VAR && alias_of(L, L->fn->vars[v.var])) {
			char *dev = xstrdup(alias_of(L, L->fn->vars[v.var]));

			set_alias(L, name, dev);
			free(dev);
		}
	} else if (!clang_Cursor_isNull(init)) {
		lower_expr(L, init);
	}
	fn = cleanup_fn_of(d);
	if (fn) {
		struct cleanup cl = { fn, xstrdup(name), cursor_loc(d),
				      L->scopes.items[L->scopes.count - 1] };

		ARRAY_PUSH(L->cleanups, cl);
	}
	free(name);
	free(ch.items);
}

static void lower_decl_stmt(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	int i;

	for (i = 0; i < ch.count; i++)
		if (clang_getCursorKind(ch.items[i]) == CXCursor_VarDecl &&
		    clang_Cursor_getStorageClass(ch.items[i]) != CX_SC_Static &&
		    clang_Cursor_getStorageClass(ch.items[i]) != CX_SC_Extern)
			lower_var_decl(L, ch.items[i]);
	free(ch.items);
}

static void lower_compound(struct lower *L, CXCursor c)
{
	struct children ch = children_of(c);
	int i;

	push_scope(L);
	for (i = 0; i < ch.count; i++)
		lower_stmt(L, ch.items[i]);
	pop_scope(L);
	free(ch.items);
}

static void lower_stmt(struct lower *L, CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_CompoundStmt:
		lower_compound(L, c);
		break;
	case CXCursor_DeclStmt:
		lower_decl_stmt(L, c);
		break;
	case CXCursor_IfStmt:
		lower_if(L, c);
		break;
	case CXCursor_WhileStmt:
		lower_loop(L, child_at(c, 0), clang_getNullCursor(),
			   child_at(c, -1), true);
		break;
	case CXCursor_DoStmt:
		lower_loop(L, child_at(c, -1), clang_getNullCursor(),
			   child_at(c, 0), false);
		break;
	case CXCursor_ForStmt:
		lower_for(L, c);
		break;
	case CXCursor_SwitchStmt:
		lower_switch(L, c);
		break;
	case CXCursor_CaseStmt:
		lower_case(L, c, false);
		break;
	case CXCursor_DefaultStmt:
		lower_case(L, c, true);
		break;
	case CXCursor_BreakStmt:
		lower_break(L, false);
		break;
	case CXCursor_ContinueStmt:
		lower_break(L, true);
		break;
	case CXCursor_ReturnStmt:
		lower_return(L, c);
		break;
	case CXCursor_GotoStmt:
		lower_goto(L, c);
		break;
	case CXCursor_IndirectGotoStmt:
		lower_children(L, c);
		if (L->cur >= 0)
			ir_stop(L->fn, L->cur);
		L->cur = -1;
		break;
	case CXCursor_LabelStmt:
		lower_label(L, c);
		break;
	case CXCursor_GCCAsmStmt:
		lower_asm(L, c);
		break;
	case CXCursor_NullStmt:
		break;
	default:
		if (is_expr(c))
			lower_expr(L, c);
		break;
	}
}

/* ---- functions ---- */

static enum ir_ret_type ret_type_of(CXCursor fn)
{
	CXType t = clang_getCanonicalType(clang_getResultType(
			clang_getCursorType(fn)));

	switch (t.kind) {
	case CXType_Void:
		return IRR_VOID;
	case CXType_Bool:
		return IRR_BOOL;
	case CXType_Pointer:
		return IRR_PTR;
	case CXType_Char_U: case CXType_UChar: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
		return IRR_UINT;
	case CXType_Char_S: case CXType_SChar: case CXType_Short:
	case CXType_Int: case CXType_Long: case CXType_LongLong:
	case CXType_Enum:
		return IRR_INT;
	default:
		return IRR_OTHER;
	}
}

static void record_params(struct ir_func *fn, CXCursor fc)
{
	int n = clang_Cursor_getNumArguments(fc), i;

	if (n <= 0)
		return;
	fn->params = xcalloc(n, sizeof(char *));
	for (i = 0; i < n; i++)
		fn->params[i] = spelling_of(clang_Cursor_getArgument(fc, i));
	fn->nparams = n;
}

static void free_lower(struct lower *L)
{
	int i;

	for (i = 0; i < L->labels.count; i++) {
		free(L->labels.items[i].name);
		free(L->labels.items[i].scopes);
	}
	for (i = 0; i < L->aliases.count; i++) {
		free(L->aliases.items[i].var);
		free(L->aliases.items[i].text);
	}
	free(L->labels.items);
	free(L->aliases.items);
	free(L->gotos.items);
	free(L->scopes.items);
	free(L->cleanups.items);
	free(L->targets.items);
}

static struct ir_loc body_end(CXCursor body)
{
	struct ir_loc loc = loc_of(clang_getRangeEnd(clang_getCursorExtent(body)));

	if (loc.col > 1)
		loc.col--;
	return loc;
}

/* ---- __must_hold(lock) ---- */

/* Top-level variables of the file seen so far: name and type spelling. */
static struct { char **items; int count, alloc; } global_vars;

static void remember_global(CXCursor c)
{
	ARRAY_PUSH(global_vars, spelling_of(c));
	ARRAY_PUSH(global_vars,
		   cx_take(clang_getTypeSpelling(clang_getCursorType(c))));
}

/* Declared in the main file, possibly by a macro (DEFINE_SPINLOCK). */
static bool expanded_in_main(CXCursor c)
{
	CXFile file;

	clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL,
				   NULL, NULL);
	return file && clang_File_isEqual(file, main_file);
}

/*
 * Is the function written in the main file?  Its body's "{" is spelled
 * there, even when its name comes from a macro ("int PROBE(...) {").
 * A function a macro generates whole (DEFINE_SHOW_ATTRIBUTE) is not.
 */
static bool body_in_main(CXCursor body)
{
	CXFile file;

	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(body)),
				  &file, NULL, NULL, NULL);
	return file && clang_File_isEqual(file, main_file);
}

static void free_globals(void)
{
	int i;

	for (i = 0; i < global_vars.count; i++)
		free(global_vars.items[i]);
	global_vars.count = 0;
}

struct field_search {
	const char *name;
	CXType type;
	bool found;
};

static enum CXVisitorResult match_field(CXCursor c, CXClientData data)
{
	struct field_search *fs = data;
	char *name = spelling_of(c);

	if (strcmp(name, fs->name) == 0) {
		fs->type = clang_getCursorType(c);
		fs->found = true;
	}
	free(name);
	return fs->found ? CXVisit_Break : CXVisit_Continue;
}

/* The type of member NAME of T (or of what T points to). */
static bool member_type(CXType t, const char *name, CXType *out)
{
	struct field_search fs = { .name = name };

	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_Record)
		return false;
	clang_Type_visitFields(t, match_field, &fs);
	*out = fs.type;
	return fs.found;
}

/* 1: a spinlock type, 2: an rwlock, 0: anything else (a mutex). */
static int spin_type(const char *spelling)
{
	return strstr(spelling, "rwlock_t") ? 2 :
	       strstr(spelling, "spinlock") ? 1 : 0;
}

/* Is the lock named by TOKS ("&", "p", "->", "lock") a spinlock (1) or
 * an rwlock (2)?  0: neither, or not known. */
static int names_spinlock(CXCursor fc, char **toks, int n)
{
	int i = 0, p, kind;
	CXType t;
	char *spelling;
	bool found = false;

	if (i < n && strcmp(toks[i], "&") == 0)
		i++;
	if (i >= n)
		return false;
	for (p = 0; p < clang_Cursor_getNumArguments(fc) && !found; p++) {
		CXCursor arg = clang_Cursor_getArgument(fc, p);
		char *name = spelling_of(arg);

		if (strcmp(name, toks[i]) == 0) {
			t = clang_getCursorType(arg);
			found = true;
		}
		free(name);
	}
	if (!found) {
		for (p = 0; p + 1 < global_vars.count; p += 2)
			if (strcmp(global_vars.items[p], toks[i]) == 0)
				return n == i + 1 ?
				       spin_type(global_vars.items[p + 1]) : 0;
		return 0;
	}
	for (i++; i + 1 < n; i += 2) {
		if (strcmp(toks[i], "->") && strcmp(toks[i], "."))
			return 0;
		if (!member_type(t, toks[i + 1], &t))
			return 0;
	}
	if (i != n)
		return 0;
	spelling = cx_take(clang_getTypeSpelling(t));
	kind = spin_type(spelling);
	free(spelling);
	return kind;
}

/* Tokens of "__must_hold(...)" between the function's start and BODY. */
static void read_must_hold(struct ir_func *fn, CXCursor fc, CXCursor body)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(fc);
	CXSourceRange r = clang_getRange(
		clang_getRangeStart(clang_getCursorExtent(fc)),
		clang_getRangeStart(clang_getCursorExtent(body)));
	CXToken *toks;
	unsigned n, i, j;
	char **words;
	int kind;

	clang_tokenize(tu, r, &toks, &n);
	words = xcalloc(n + 1, sizeof(*words));
	for (i = 0; i < n; i++)
		words[i] = cx_take(clang_getTokenSpelling(tu, toks[i]));
	for (i = 0; i + 2 < n && !fn->must_hold; i++) {
		if (strcmp(words[i], "__must_hold") || strcmp(words[i + 1], "("))
			continue;
		for (j = i + 2; j < n && strcmp(words[j], ")"); j++)
			;
		kind = j < n ? names_spinlock(fc, words + i + 2, j - i - 2) : 0;
		if (kind) {
			char *text = xstrdup("");

			for (unsigned k = i + 2; k < j; k++) {
				char *next = xasprintf("%s%s", text, words[k]);

				free(text);
				text = next;
			}
			fn->must_hold = text;
			fn->must_hold_rwlock = kind == 2;
			fn->must_hold_loc = loc_of(clang_getTokenLocation(tu, toks[i]));
		}
	}
	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
	clang_disposeTokens(tu, toks, n);
}

static struct ir_func *lower_function(const struct fe_unit *unit, CXCursor fc,
				      CXCursor body, const char *display)
{
	struct lower L = { .unit = unit };
	char *name = spelling_of(fc);
	int i;

	L.fn = ir_func_new(name, display);
	free(name);
	L.fn->loc = cursor_loc(fc);
	L.fn->is_static = clang_Cursor_getStorageClass(fc) == CX_SC_Static;
	L.fn->ret_type = ret_type_of(fc);
	record_params(L.fn, fc);
	read_must_hold(L.fn, fc, body);
	L.cur = L.fn->entry;
	lower_stmt(&L, body);
	if (L.cur >= 0)
		ir_return(L.fn, L.cur, NULL, body_end(body));
	for (i = 0; i < L.gotos.count; i++)
		resolve_goto(&L, &L.gotos.items[i]);
	for (i = 0; i < L.fn->nblocks; i++)
		if (L.fn->blocks[i].term == IRT_NONE)
			ir_stop(L.fn, i);
	L.fn->returns_only_zero = ir_returns_only_zero(L.fn);
	free_lower(&L);
	return L.fn;
}

static CXCursor body_of(CXCursor fn)
{
	struct children ch = children_of(fn);
	CXCursor body = clang_getNullCursor();
	int i;

	for (i = 0; i < ch.count; i++)
		if (clang_getCursorKind(ch.items[i]) == CXCursor_CompoundStmt)
			body = ch.items[i];
	free(ch.items);
	return body;
}

/* ---- static initialisers: driver structures and PM ops ---- */

/* The tag of struct type T ("platform_driver"), or NULL. */
static char *struct_tag(CXType t)
{
	CXCursor decl = clang_getTypeDeclaration(clang_getCanonicalType(t));
	char *name;

	if (clang_getCursorKind(decl) != CXCursor_StructDecl)
		return NULL;
	name = spelling_of(decl);
	if (!*name) {
		free(name);
		return NULL;
	}
	return name;
}

/* The first function or variable an expression names. */
static enum CXChildVisitResult find_named(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	char **out = data;
	CXCursor ref;
	enum CXCursorKind k;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	k = clang_getCursorKind(ref);
	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	*out = spelling_of(ref);
	return CXChildVisit_Break;
}

static char *named_by(CXCursor expr)
{
	char *name = NULL;

	if (clang_getCursorKind(expr) == CXCursor_DeclRefExpr)
		find_named(expr, expr, &name);
	else
		clang_visitChildren(expr, find_named, &name);
	return name;
}

struct init_walk {
	struct fe_unit *unit;
	const char *var, *type;
};

static void walk_init_list(struct init_walk *w, CXCursor list,
			   const char *prefix);

/* One designated field ".a.b = EXPR" (MemberRef children, then EXPR). */
static void walk_designated(struct init_walk *w, CXCursor d,
			    const char *prefix)
{
	struct children ch = children_of(d);
	char *path = xstrdup(prefix), *next;
	int i;

	for (i = 0; i < ch.count &&
		    clang_getCursorKind(ch.items[i]) == CXCursor_MemberRef; i++) {
		char *field = spelling_of(ch.items[i]);

		next = xasprintf("%s%s%s", path, *path ? "." : "", field);
		free(field);
		free(path);
		path = next;
	}
	if (i > 0 && i == ch.count - 1) {
		CXCursor value = ch.items[i];

		if (clang_getCursorKind(value) == CXCursor_InitListExpr) {
			walk_init_list(w, value, path);
		} else {
			struct fe_init in = { xstrdup(w->var), xstrdup(w->type),
					      path, named_by(value),
					      cursor_loc(value) };

			if (in.value) {
				ARRAY_PUSH(w->unit->inits, in);
				path = NULL;
			} else {
				free(in.var);
				free(in.type);
			}
		}
	}
	free(path);
	free(ch.items);
}

static void walk_init_list(struct init_walk *w, CXCursor list,
			   const char *prefix)
{
	struct children ch = children_of(list);
	int i;

	for (i = 0; i < ch.count; i++)
		if (clang_getCursorKind(ch.items[i]) != CXCursor_InitListExpr)
			walk_designated(w, ch.items[i], prefix);
	free(ch.items);
}

/* A top-level "struct T name = { ... }" of the main file. */
static void record_initialiser(struct fe_unit *unit, CXCursor var)
{
	struct children ch;
	char *type = struct_tag(clang_getCursorType(var));
	struct init_walk w = { unit, NULL, type };
	int i;

	if (!type)
		return;
	w.var = spelling_of(var);
	ch = children_of(var);
	for (i = 0; i < ch.count; i++)
		if (clang_getCursorKind(ch.items[i]) == CXCursor_InitListExpr)
			walk_init_list(&w, ch.items[i], "");
	free(ch.items);
	free((char *)w.var);
	free(type);
}

/* Does the main file include a header with quotes? */
static bool has_local_include(CXTranslationUnit tu)
{
	size_t size;
	const char *text = clang_getFileContents(tu, main_file, &size);
	const char *p = text, *end = text + size;

	while (p && p < end) {
		const char *hash = memchr(p, '#', end - p);

		if (!hash)
			break;
		p = hash + 1;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p > 7 && memcmp(p, "include", 7) == 0) {
			p += 7;
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p < end && *p == '"')
				return true;
		}
	}
	return false;
}

struct visit_ctx {
	struct fe_unit *unit;
	const char *display;
};

/* Does the body call, assign, increment or take addresses?  (No: pure.) */
static enum CXChildVisitResult find_effects(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	bool *effects = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_CallExpr || k == CXCursor_CompoundAssignOperator ||
	    k == CXCursor_GCCAsmStmt || k == CXCursor_StmtExpr) {
		*effects = true;
	} else if (k == CXCursor_BinaryOperator || k == CXCursor_UnaryOperator) {
		char *op = operator_of(c);

		if (!strcmp(op, "=") || strstr(op, "++") || strstr(op, "--"))
			*effects = true;
		free(op);
	}
	return *effects ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/*
 * Predicates such as "static bool is_dma_capable(enum type t) { return
 * t == A || t == B; }" give the same answer for the same arguments: two
 * calls share their result, like the pure queries of the rules files.
 */
static enum CXChildVisitResult find_pure_locals(CXCursor c, CXCursor parent,
						CXClientData data)
{
	CXCursor body;
	bool effects = false;

	(void)parent;
	(void)data;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(c)) ||
	    clang_getResultType(clang_getCursorType(c)).kind == CXType_Void)
		return CXChildVisit_Continue;
	body = body_of(c);
	if (clang_Cursor_isNull(body))
		return CXChildVisit_Continue;
	clang_visitChildren(body, find_effects, &effects);
	if (!effects)
		ARRAY_PUSH(pure_locals, spelling_of(c));
	return CXChildVisit_Continue;
}

static void free_pure_locals(void)
{
	int i;

	for (i = 0; i < pure_locals.count; i++)
		free(pure_locals.items[i]);
	pure_locals.count = 0;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct visit_ctx *ctx = data;
	CXCursor body;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && expanded_in_main(c)) {
		remember_global(c);
		record_initialiser(ctx->unit, c);
	}
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	body = body_of(c);
	if (!clang_Cursor_isNull(body) && body_in_main(body)) {
		struct ir_func *fn = lower_function(ctx->unit, c, body,
						    ctx->display);
		struct fe_unit *u = ctx->unit;

		u->funcs = xrealloc(u->funcs, (u->count + 1) * sizeof(*u->funcs));
		u->funcs[u->count++] = fn;
	}
	return CXChildVisit_Continue;
}

/* The first error, as one line, or NULL when there is none. */
static char *first_error(CXTranslationUnit tu, const char *display)
{
	unsigned n = clang_getNumDiagnostics(tu), i;
	char *msg = NULL;

	for (i = 0; i < n && !msg; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			CXFile file;
			unsigned line, col, off;
			char *text = cx_take(clang_getDiagnosticSpelling(d));

			clang_getExpansionLocation(clang_getDiagnosticLocation(d),
						   &file, &line, &col, &off);
			if (file && !clang_Location_isFromMainFile(
					clang_getDiagnosticLocation(d))) {
				char *fname = cx_take(clang_getFileName(file));

				msg = xasprintf("%s:%u:%u: %s", fname, line, col, text);
				free(fname);
			} else {
				msg = xasprintf("%s:%u:%u: %s", display, line, col,
						text);
			}
			free(text);
		}
		clang_disposeDiagnostic(d);
	}
	return msg;
}

int frontend_parse(const char *path, const char *display_name,
		   int nargs, const char *const *args, struct fe_unit *unit)
{
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu = NULL;
	struct visit_ctx ctx = { unit, display_name };
	const char **argv = xcalloc(nargs + 2, sizeof(char *));
	enum CXErrorCode err;
	char *msg;

	/* -w: clang's warnings are never shown, and computing them costs
	 * about a sixth of the parse on kernel headers */
	memcpy(argv, args, nargs * sizeof(char *));
	argv[nargs] = "-w";
	err = clang_parseTranslationUnit2(index, path, argv, nargs + 1, NULL, 0,
			CXTranslationUnit_KeepGoing, &tu);
	free(argv);
	if (err != CXError_Success || !tu) {
		fprintf(stderr, "%s: error: cannot parse file (libclang error %d)\n",
			display_name, (int)err);
		clang_disposeIndex(index);
		return -1;
	}
	main_file = clang_getFile(tu, path);
	msg = first_error(tu, display_name);
	if (msg) {
		fprintf(stderr, "%s: error: cannot parse file: %s\n",
			display_name, msg);
		free(msg);
		clang_disposeTranslationUnit(tu);
		clang_disposeIndex(index);
		return -1;
	}
	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_pure_locals,
			    NULL);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &ctx);
	unit->has_local_include = has_local_include(tu);
	free_pure_locals();
	free_globals();
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	return 0;
}

void fe_unit_free(struct fe_unit *unit)
{
	int i;

	for (i = 0; i < unit->count; i++)
		ir_func_free(unit->funcs[i]);
	free(unit->funcs);
	for (i = 0; i < unit->inits.count; i++) {
		free(unit->inits.items[i].var);
		free(unit->inits.items[i].type);
		free(unit->inits.items[i].field);
		free(unit->inits.items[i].value);
	}
	free(unit->inits.items);
	unit->inits.items = NULL;
	unit->inits.count = unit->inits.alloc = 0;
	unit->funcs = NULL;
	unit->count = unit->alloc = 0;
}
