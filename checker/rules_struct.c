/*
 * rules_struct.c - parse "struct" lines of the rules files: which struct
 * types are bus driver structures or PM ops, and what their fields mean.
 *
 *   struct platform_driver  driver probe=probe remove=remove,remove_new pm=driver.pm
 *   struct pci_driver       driver probe=probe remove=remove pm=driver.pm bus-enables-runtime-pm
 *   struct dev_pm_ops       pm-ops runtime-suspend=runtime_suspend ... system=suspend,...
 *   struct mbox_chan_ops    ops undone-by=startup:shutdown
 *   struct watchdog_ops     ops final=restart
 *
 * Deliberately ignores the types of the fields: the front end records
 * which function or variable each field of a static initialiser names,
 * after macro expansion, and these lines only say what a field is for.
 */
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "util.h"

static bool valid_field(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(*s == '_' || *s == '.' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

/* "a,b,c" into LIST; false when a name is not a field path. */
static bool parse_fields(struct strlist *list, char *value)
{
	char *save = NULL, *f;

	for (f = strtok_r(value, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
		if (!valid_field(f))
			return false;
		ARRAY_PUSH(*list, xstrdup(f));
	}
	return list->count > 0;
}

static const char *parse_driver_attr(struct struct_rule *sr, char *word)
{
	char *eq = strchr(word, '=');

	if (!eq) {
		if (strcmp(word, "bus-enables-runtime-pm"))
			return "unknown driver attribute";
		sr->bus_enables_rpm = true;
		return NULL;
	}
	*eq++ = '\0';
	if (strcmp(word, "probe") == 0)
		return parse_fields(&sr->probe, eq) ? NULL :
		       "probe= wants field names";
	if (strcmp(word, "remove") == 0)
		return parse_fields(&sr->remove, eq) ? NULL :
		       "remove= wants field names";
	if (strcmp(word, "pm") == 0 && valid_field(eq) && !sr->pm) {
		sr->pm = xstrdup(eq);
		return NULL;
	}
	return "unknown driver attribute";
}

static const char *parse_pm_ops_attr(struct struct_rule *sr, char *word)
{
	static const char *const usage =
		"pm-ops wants runtime-suspend=, runtime-resume=, runtime-idle= or system= with field names";
	struct strlist *list = NULL;
	char *eq = strchr(word, '=');

	if (!eq)
		return usage;
	*eq++ = '\0';
	if (strcmp(word, "runtime-suspend") == 0)
		list = &sr->runtime_suspend;
	else if (strcmp(word, "runtime-resume") == 0)
		list = &sr->runtime_resume;
	else if (strcmp(word, "runtime-idle") == 0)
		list = &sr->runtime_idle;
	else if (strcmp(word, "system") == 0)
		list = &sr->system;
	return list && parse_fields(list, eq) ? NULL : usage;
}

/* "undone-by=FROM:BY" (repeatable) or "final=FIELDS". */
static const char *parse_ops_attr(struct struct_rule *sr, char *word)
{
	static const char *const usage =
		"ops wants undone-by=FIELD:FIELD or final= with field names";
	char *eq = strchr(word, '='), *colon;

	if (!eq)
		return usage;
	*eq++ = '\0';
	if (strcmp(word, "final") == 0)
		return parse_fields(&sr->final, eq) ? NULL : usage;
	colon = strchr(eq, ':');
	if (strcmp(word, "undone-by") || !colon)
		return usage;
	*colon++ = '\0';
	if (!valid_field(eq) || !valid_field(colon))
		return usage;
	ARRAY_PUSH(sr->undone_from, xstrdup(eq));
	ARRAY_PUSH(sr->undone_by, xstrdup(colon));
	return NULL;
}

static const char *parse_attr(struct struct_rule *sr, char *word)
{
	if (sr->is_pm_ops)
		return parse_pm_ops_attr(sr, word);
	if (sr->is_ops)
		return parse_ops_attr(sr, word);
	return parse_driver_attr(sr, word);
}

const char *struct_rule_parse(struct struct_rule *sr, char *name, char **save)
{
	const char *err = NULL;
	char *kind, *word;

	if (!name || !valid_field(name) || strchr(name, '.'))
		return "struct wants a type name";
	kind = strtok_r(NULL, " \t\r\n", save);
	if (!kind || (strcmp(kind, "driver") && strcmp(kind, "pm-ops") &&
		      strcmp(kind, "ops")))
		return "struct NAME wants 'driver', 'pm-ops' or 'ops'";
	sr->name = xstrdup(name);
	sr->is_pm_ops = strcmp(kind, "pm-ops") == 0;
	sr->is_ops = strcmp(kind, "ops") == 0;
	while (!err && (word = strtok_r(NULL, " \t\r\n", save))) {
		if (*word == '#')
			break;
		err = parse_attr(sr, word);
	}
	if (!err && !sr->is_pm_ops && !sr->is_ops && !sr->probe.count)
		err = "a driver wants probe=";
	return err;
}

void struct_rule_free(struct struct_rule *sr)
{
	free(sr->name);
	free(sr->pm);
	strlist_free(&sr->probe);
	strlist_free(&sr->remove);
	strlist_free(&sr->runtime_suspend);
	strlist_free(&sr->runtime_resume);
	strlist_free(&sr->runtime_idle);
	strlist_free(&sr->system);
	strlist_free(&sr->undone_from);
	strlist_free(&sr->undone_by);
	strlist_free(&sr->final);
}
