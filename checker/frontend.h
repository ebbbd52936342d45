/*
 * frontend.h - turn one C file into IR functions.
 *
 * The only interface to libclang: frontend.c is the one file that
 * includes clang-c/Index.h.  Deliberately ignores function bodies in
 * headers: only functions defined in the file being checked are lowered.
 */
#ifndef RPMCHECK_FRONTEND_H
#define RPMCHECK_FRONTEND_H

#include <string.h>

#include "ir.h"

/*
 * One field of a static initialiser in the file, after macro expansion:
 * "static struct platform_driver foo_driver = { .probe = foo_probe }"
 * gives { "foo_driver", "platform_driver", "probe", "foo_probe" }.
 * VALUE is the first function or variable the field's expression names
 * (".pm = pm_ptr(&foo_pm_ops)" names foo_pm_ops).
 */
struct fe_init {
	char *var;
	char *type;		/* the struct's tag, without "struct " */
	char *field;		/* a path: "driver.pm" */
	char *value;
	struct ir_loc loc;
};

struct fe_unit {
	struct ir_func **funcs;
	int count, alloc;
	struct { struct fe_init *items; int count, alloc; } inits;
	/* Does the file #include a header with quotes ("foo.h")? */
	bool has_local_include;
	/*
	 * Optional: is NAME a pure query (pm_runtime_enabled(dev))?  Two
	 * calls with the same arguments then share one result variable, so
	 * "if (pm_runtime_enabled(dev)) get ... if (pm_runtime_enabled(dev))
	 * put" is understood.
	 */
	bool (*is_pure)(const char *name, void *ctx);
	void *pure_ctx;
	/*
	 * Optional: the argument of NAME whose value is wanted as a
	 * constant even when it is an expression (a gfp mask such as
	 * GFP_KERNEL | __GFP_ZERO), or -1.  Uses pure_ctx.
	 */
	int (*const_arg)(const char *name, void *ctx);
};

/*
 * Parse PATH with the compiler arguments ARGS and lower every function
 * defined in it.  DISPLAY_NAME is how the file is named in diagnostics.
 * Returns 0, or -1 after printing one line saying why the file could
 * not be analysed.
 */
int frontend_parse(const char *path, const char *display_name,
		   int nargs, const char *const *args, struct fe_unit *unit);
void fe_unit_free(struct fe_unit *unit);

/* The index of function NAME in UNIT, or -1 (also for a NULL name). */
static inline int fe_unit_find(const struct fe_unit *unit, const char *name)
{
	int i;

	for (i = 0; name && i < unit->count; i++)
		if (strcmp(unit->funcs[i]->name, name) == 0)
			return i;
	return -1;
}

#endif
