/*
 * check_never_enabled.c - rule rpm-never-enabled: a driver that uses
 * runtime PM (its PM ops have runtime PM callbacks of the file, or the
 * file takes runtime PM references on a device of its own) while
 * nothing in the file enables runtime PM.  Runtime PM starts disabled:
 * every synchronous call then fails with -EACCES and the callbacks
 * never run.
 *
 * Deliberately ignores drivers of buses whose core enables runtime PM
 * (rules: bus-enables-runtime-pm), files that include a header of their
 * own with quotes (the driver spans several files and another one may
 * enable it), files calling any function named like an enable wrapper
 * (foo_runtime_enable()), references on devices that may be another
 * driver's (anything but "dev", "&pdev->dev" and "&data->client->dev":
 * "priv->dev" may be the parent MFD's), and runtime PM callbacks the
 * file also calls directly (system sleep ops that run them).
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lifecycle.h"
#include "util.h"

static bool is_enable(const struct ir_insn *call, void *data)
{
	const struct api_rule *r = rules_find(data, call->callee);

	if (r)
		return r->lifecycle == LC_ENABLE || r->lifecycle == LC_DEVM_ENABLE;
	return strstr(call->callee, "runtime_enable") != NULL;
}

static bool enables_anything(const struct rules *rules,
			     const struct fe_unit *unit)
{
	int f;

	for (f = 0; f < unit->count; f++)
		if (ir_find_call(unit->funcs[f], is_enable, (void *)rules))
			return true;
	return false;
}

static bool calls_name(const struct ir_insn *call, void *data)
{
	return strcmp(call->callee, data) == 0;
}

/* Does a function of the file call NAME directly (system sleep ops
 * calling the runtime suspend function themselves)? */
static bool called_directly(const struct fe_unit *unit, const char *name)
{
	int f;

	for (f = 0; f < unit->count; f++)
		if (ir_find_call(unit->funcs[f], calls_name, (void *)name))
			return true;
	return false;
}

/* A runtime PM callback of the file in DRV's PM ops that nothing else
 * in the file calls, or NULL. */
static const struct dm_callback *runtime_callback(const struct driver_model *dm,
						  const struct dm_driver *drv,
						  const struct fe_unit *unit)
{
	int i;

	for (i = 0; drv->pm_ops && i < dm->callbacks.count; i++) {
		const struct dm_callback *cb = &dm->callbacks.items[i];

		if (cb->kind != CB_SYSTEM && strcmp(cb->ops, drv->pm_ops) == 0 &&
		    fe_unit_find(unit, cb->fn) >= 0 &&
		    !called_directly(unit, cb->fn))
			return cb;
	}
	return NULL;
}

/* Does TEXT start with an identifier and "->"?  Returns what follows. */
static const char *skip_member(const char *text)
{
	const char *p = text;

	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	return p > text && p[0] == '-' && p[1] == '>' ? p + 2 : NULL;
}

/*
 * The driver's own device: "dev", the embedded device of a bus device
 * ("&pdev->dev", "&client->dev") or of the bus device the driver data
 * keeps ("&data->client->dev").  A device pointer kept in a structure
 * ("priv->dev", "bci->transceiver->dev") may be another driver's: the
 * parent MFD's, a PHY's.
 */
static bool own_device_text(const char *text)
{
	static const char *const bus_devices[] = {
		"client->", "pdev->", "spi->", "i2c->", "serdev->", "adev->",
		"auxdev->", "slave->", NULL,
	};
	const char *rest;
	int i;

	if (strcmp(text, "dev") == 0)
		return true;
	if (*text != '&')
		return false;
	rest = skip_member(text + 1);
	if (!rest)
		return false;
	if (strcmp(rest, "dev") == 0)
		return true;
	for (i = 0; bus_devices[i]; i++)
		if (starts_with(rest, bus_devices[i]) &&
		    strcmp(rest + strlen(bus_devices[i]), "dev") == 0)
			return true;
	return false;
}

/*
 * Functions that only the file's other drivers reach: marked in the
 * returned array (by function index), from their probe and remove,
 * unless DRV's probe or remove reaches them too.
 */
static bool *other_drivers_functions(const struct fe_unit *unit,
				     const struct driver_model *dm,
				     const struct dm_driver *drv)
{
	bool *other = xcalloc(unit->count + 1, sizeof(bool));
	bool *mine = xcalloc(unit->count + 1, sizeof(bool));
	int i;

	for (i = 0; i < dm->drivers.count; i++) {
		const struct dm_driver *d = &dm->drivers.items[i];
		bool *set = d == drv ? mine : other;

		unit_mark_reachable(unit, fe_unit_find(unit, d->probe), set);
		unit_mark_reachable(unit, fe_unit_find(unit, d->remove), set);
	}
	for (i = 0; i < unit->count; i++)
		other[i] = other[i] && !mine[i];
	free(mine);
	return other;
}

static bool gets_own_device(const struct ir_insn *call, void *data)
{
	const struct api_rule *r = rules_find(data, call->callee);

	return r && r->count > 0 && r->dev_arg >= 0 &&
	       r->dev_arg < call->nargs &&
	       own_device_text(call->args[r->dev_arg].text);
}

/* The first call of a static function taking a reference on the
 * driver's own device, outside what only the file's other drivers run. */
static const struct ir_insn *first_get(const struct rules *rules,
				       const struct fe_unit *unit,
				       const struct driver_model *dm,
				       const struct dm_driver *drv)
{
	bool *other = other_drivers_functions(unit, dm, drv);
	const struct ir_insn *found = NULL;
	int f;

	/* a function other files call may be given another device */
	for (f = 0; f < unit->count && !found; f++)
		if (!other[f] && unit->funcs[f]->is_static)
			found = ir_find_call(unit->funcs[f], gets_own_device,
					     (void *)rules);
	free(other);
	return found;
}

void check_never_enabled(const struct rules *rules, const struct fe_unit *unit,
			 const struct driver_model *dm)
{
	int i;

	if (!dm->drivers.count || unit->has_local_include ||
	    enables_anything(rules, unit))
		return;
	for (i = 0; i < dm->drivers.count; i++) {
		const struct dm_driver *drv = &dm->drivers.items[i];
		const struct ir_insn *get = first_get(rules, unit, dm, drv);
		int p = fe_unit_find(unit, drv->probe);
		const struct ir_func *probe = p >= 0 ? unit->funcs[p] : NULL;
		const struct dm_callback *cb = runtime_callback(dm, drv, unit);
		struct diag *d;

		if (drv->rule->bus_enables_rpm || !probe || (!cb && !get))
			continue;
		if (get)
			d = diag_warn("rpm-never-enabled", probe->file, probe->loc,
				      "'%s' never enables runtime PM, yet driver '%s' uses it: every synchronous runtime PM call fails with -EACCES%s",
				      probe->name, drv->var,
				      cb ? " and the callbacks never run" : "");
		else
			d = diag_warn("rpm-never-enabled", probe->file, probe->loc,
				      "'%s' never enables runtime PM, yet driver '%s' has runtime PM callbacks: they never run",
				      probe->name, drv->var);
		if (d && cb)
			diag_note(d, cb->loc, "'%s' is its ->%s callback",
				  cb->fn, cb->field);
		if (d && get)
			diag_note(d, get->loc, "'%s' takes a reference here",
				  get->callee);
	}
}
