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
 * (foo_runtime_enable()), and references on other devices (a parent, a
 * PHY, a supplier: anything but "dev", "X->dev" and the bus device of
 * the driver data, "X->client->dev").
 */
#include <string.h>

#include "diag.h"
#include "lifecycle.h"
#include "util.h"

static bool enables_anything(const struct rules *rules,
			     const struct fe_unit *unit)
{
	int f, b, i;

	for (f = 0; f < unit->count; f++) {
		const struct ir_func *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++) {
			for (i = 0; i < fn->blocks[b].ninsns; i++) {
				const struct ir_insn *in = &fn->blocks[b].insns[i];
				const struct api_rule *r;

				if (in->kind != IR_CALL || !in->callee)
					continue;
				r = rules_find(rules, in->callee);
				if (r && (r->lifecycle == LC_ENABLE ||
					  r->lifecycle == LC_DEVM_ENABLE))
					return true;
				if (!r && strstr(in->callee, "runtime_enable"))
					return true;
			}
		}
	}
	return false;
}

/* A runtime PM callback of the file in DRV's PM ops, or NULL. */
static const struct dm_callback *runtime_callback(const struct driver_model *dm,
						  const struct dm_driver *drv,
						  const struct fe_unit *unit)
{
	int i;

	for (i = 0; drv->pm_ops && i < dm->callbacks.count; i++) {
		const struct dm_callback *cb = &dm->callbacks.items[i];

		if (cb->kind != CB_SYSTEM && strcmp(cb->ops, drv->pm_ops) == 0 &&
		    fe_unit_find(unit, cb->fn) >= 0)
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
 * The driver's own device, likely: "dev", "&pdev->dev", "priv->dev", or
 * through the bus device of the driver data ("&data->client->dev").  A
 * device reached through another object ("bci->transceiver->dev": a
 * PHY's) is another driver's.
 */
static bool own_device_text(const char *text)
{
	static const char *const bus_devices[] = {
		"client->", "pdev->", "spi->", "i2c->", "serdev->", "adev->",
		"auxdev->", "slave->", NULL,
	};
	const char *rest;
	int i;

	if (*text == '&')
		text++;
	if (strcmp(text, "dev") == 0)
		return true;
	rest = skip_member(text);
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

/* The first call of the file taking a reference on its own device. */
static const struct ir_insn *first_get(const struct rules *rules,
				       const struct fe_unit *unit)
{
	int f, b, i;

	for (f = 0; f < unit->count; f++) {
		const struct ir_func *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++) {
			for (i = 0; i < fn->blocks[b].ninsns; i++) {
				const struct ir_insn *in = &fn->blocks[b].insns[i];
				const struct api_rule *r;

				if (in->kind != IR_CALL || !in->callee)
					continue;
				r = rules_find(rules, in->callee);
				if (r && r->count > 0 && r->dev_arg >= 0 &&
				    r->dev_arg < in->nargs &&
				    own_device_text(in->args[r->dev_arg].text))
					return in;
			}
		}
	}
	return NULL;
}

void check_never_enabled(const struct rules *rules, const struct fe_unit *unit,
			 const struct driver_model *dm)
{
	const struct ir_insn *get;
	int i;

	if (!dm->drivers.count || unit->has_local_include ||
	    enables_anything(rules, unit))
		return;
	get = first_get(rules, unit);
	for (i = 0; i < dm->drivers.count; i++) {
		const struct dm_driver *drv = &dm->drivers.items[i];
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
