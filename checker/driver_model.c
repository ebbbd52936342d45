/*
 * driver_model.c - find the drivers and PM callbacks of one file (see
 * driver_model.h).
 *
 * A driver whose probe or remove field is set more than once (one
 * variable per configuration) keeps the first.  Deliberately ignores
 * positional initialisers: kernel drivers name their fields.
 */
#include <stdlib.h>
#include <string.h>

#include "driver_model.h"
#include "util.h"

static bool in_list(const struct strlist *l, const char *s)
{
	int i;

	for (i = 0; i < l->count; i++)
		if (strcmp(l->items[i], s) == 0)
			return true;
	return false;
}

static struct dm_driver *driver_of(struct driver_model *dm,
				   const struct fe_init *in,
				   const struct struct_rule *sr)
{
	struct dm_driver d = { in->var, sr, NULL, NULL, NULL, in->loc };
	int i;

	for (i = 0; i < dm->drivers.count; i++)
		if (strcmp(dm->drivers.items[i].var, in->var) == 0)
			return &dm->drivers.items[i];
	ARRAY_PUSH(dm->drivers, d);
	return &dm->drivers.items[dm->drivers.count - 1];
}

static void add_driver_field(struct driver_model *dm, const struct fe_init *in,
			     const struct struct_rule *sr)
{
	struct dm_driver *d;

	if (!in_list(&sr->probe, in->field) && !in_list(&sr->remove, in->field) &&
	    !(sr->pm && strcmp(sr->pm, in->field) == 0))
		return;
	d = driver_of(dm, in, sr);
	if (in_list(&sr->probe, in->field) && !d->probe) {
		d->probe = in->value;
		d->loc = in->loc;
	} else if (in_list(&sr->remove, in->field) && !d->remove) {
		d->remove = in->value;
	} else if (!in_list(&sr->probe, in->field) && !d->pm_ops) {
		d->pm_ops = in->value;
	}
}

static void add_callback(struct driver_model *dm, const struct fe_init *in,
			 const struct struct_rule *sr)
{
	struct dm_callback cb = { in->var, in->value, in->field, CB_SYSTEM,
				  in->loc };

	if (in_list(&sr->runtime_suspend, in->field))
		cb.kind = CB_RUNTIME_SUSPEND;
	else if (in_list(&sr->runtime_resume, in->field))
		cb.kind = CB_RUNTIME_RESUME;
	else if (in_list(&sr->runtime_idle, in->field))
		cb.kind = CB_RUNTIME_IDLE;
	else if (!in_list(&sr->system, in->field))
		return;
	ARRAY_PUSH(dm->callbacks, cb);
}

static void add_op(struct driver_model *dm, const struct fe_init *in,
		   const struct struct_rule *sr)
{
	struct dm_op op = { in->var, sr, in->field, in->value };

	if (in_list(&sr->undone_from, in->field) ||
	    in_list(&sr->undone_by, in->field) || in_list(&sr->final, in->field))
		ARRAY_PUSH(dm->ops, op);
}

void driver_model_build(struct driver_model *dm, const struct rules *rules,
			const struct fe_unit *unit)
{
	int i;

	for (i = 0; i < unit->inits.count; i++) {
		const struct fe_init *in = &unit->inits.items[i];
		const struct struct_rule *sr = rules_find_struct(rules, in->type);

		if (!sr)
			continue;
		if (sr->is_pm_ops)
			add_callback(dm, in, sr);
		else if (sr->is_ops)
			add_op(dm, in, sr);
		else
			add_driver_field(dm, in, sr);
	}
	/* a structure that names no probe is not a driver we can judge */
	for (i = 0; i < dm->drivers.count; i++) {
		if (!dm->drivers.items[i].probe) {
			dm->drivers.items[i] =
				dm->drivers.items[--dm->drivers.count];
			i--;
		}
	}
}

void driver_model_free(struct driver_model *dm)
{
	free(dm->drivers.items);
	free(dm->callbacks.items);
	free(dm->ops.items);
	memset(dm, 0, sizeof(*dm));
}

bool dm_is_system_sleep_callback(const struct driver_model *dm,
				 const char *fn)
{
	int i;

	for (i = 0; i < dm->callbacks.count; i++)
		if (dm->callbacks.items[i].kind == CB_SYSTEM &&
		    strcmp(dm->callbacks.items[i].fn, fn) == 0)
			return true;
	return false;
}

bool dm_is_probe_or_remove(const struct driver_model *dm, const char *fn)
{
	int i;

	for (i = 0; i < dm->drivers.count; i++) {
		const struct dm_driver *d = &dm->drivers.items[i];

		if (strcmp(d->probe, fn) == 0 ||
		    (d->remove && strcmp(d->remove, fn) == 0))
			return true;
	}
	return false;
}

/* The function VAR (an ops structure) names in FIELD, or NULL. */
static const char *op_in(const struct driver_model *dm, const char *var,
			 const char *field)
{
	int i;

	for (i = 0; i < dm->ops.count; i++)
		if (strcmp(dm->ops.items[i].var, var) == 0 &&
		    strcmp(dm->ops.items[i].field, field) == 0)
			return dm->ops.items[i].fn;
	return NULL;
}

const char *dm_undone_by(const struct driver_model *dm, const char *fn)
{
	const char *by;
	int i, k;

	for (i = 0; i < dm->ops.count; i++) {
		const struct dm_op *op = &dm->ops.items[i];
		const struct strlist *from = &op->rule->undone_from;

		if (strcmp(op->fn, fn))
			continue;
		for (k = 0; k < from->count; k++) {
			if (strcmp(from->items[k], op->field))
				continue;
			by = op_in(dm, op->var, op->rule->undone_by.items[k]);
			if (by)
				return by;
		}
	}
	return NULL;
}

bool dm_runs_while_going_down(const struct driver_model *dm, const char *fn)
{
	int i;

	for (i = 0; i < dm->ops.count; i++)
		if (strcmp(dm->ops.items[i].fn, fn) == 0 &&
		    in_list(&dm->ops.items[i].rule->final,
			    dm->ops.items[i].field))
			return true;
	return false;
}
