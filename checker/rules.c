/*
 * rules.c - parse rules files into a hash table of api_rule.
 *
 * Deliberately ignores anything but one fact per line: no includes, no
 * conditionals, no wildcards.  A bad line stops loading with a message
 * naming the file and line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules.h"
#include "util.h"

#define RULES_HASH 1024

struct rules {
	struct api_rule *slots[RULES_HASH];
	int count;
	struct { struct struct_rule *items; int count, alloc; } structs;
};

static unsigned hash_name(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

struct rules *rules_new(void)
{
	return xcalloc(1, sizeof(struct rules));
}

static void free_rule(struct api_rule *rule)
{
	free(rule->name);
	free(rule->implies);
	free(rule->as);
	free(rule);
}

void rules_free(struct rules *rules)
{
	int i;

	if (!rules)
		return;
	for (i = 0; i < RULES_HASH; i++) {
		if (rules->slots[i])
			free_rule(rules->slots[i]);
	}
	for (i = 0; i < rules->structs.count; i++)
		struct_rule_free(&rules->structs.items[i]);
	free(rules->structs.items);
	free(rules);
}

const struct api_rule *rules_find(const struct rules *rules, const char *name)
{
	unsigned i = hash_name(name) % RULES_HASH;

	while (rules->slots[i]) {
		if (strcmp(rules->slots[i]->name, name) == 0)
			return rules->slots[i];
		i = (i + 1) % RULES_HASH;
	}
	return NULL;
}

int rules_count(const struct rules *rules)
{
	return rules->count;
}

const struct struct_rule *rules_find_struct(const struct rules *rules,
					    const char *name)
{
	int i;

	for (i = rules->structs.count - 1; i >= 0; i--)
		if (strcmp(rules->structs.items[i].name, name) == 0)
			return &rules->structs.items[i];
	return NULL;
}

/* "struct NAME driver|pm-ops ...": a later line for NAME wins. */
static const char *parse_struct_line(struct rules *rules, char **save)
{
	struct struct_rule sr = { 0 };
	const char *err;

	err = struct_rule_parse(&sr, strtok_r(NULL, " \t\r\n", save), save);
	if (err) {
		struct_rule_free(&sr);
		return err;
	}
	ARRAY_PUSH(rules->structs, sr);
	return NULL;
}

static bool rules_insert(struct rules *rules, struct api_rule *rule)
{
	unsigned i = hash_name(rule->name) % RULES_HASH;

	while (rules->slots[i]) {
		if (strcmp(rules->slots[i]->name, rule->name) == 0) {
			free_rule(rules->slots[i]);
			rules->slots[i] = rule;
			return true;
		}
		i = (i + 1) % RULES_HASH;
	}
	if (rules->count >= RULES_HASH * 3 / 4)
		return false;
	rules->slots[i] = rule;
	rules->count++;
	return true;
}

struct keyword {
	const char *text;
	int value;
};

static const struct keyword when_words[] = {
	{ "always", WHEN_ALWAYS }, { "ret==0", WHEN_RET_ZERO },
	{ "ret>0", WHEN_RET_POS }, { "arg>0", WHEN_ARG_POS }, { NULL, 0 },
};

static const struct keyword lifecycle_words[] = {
	{ "enable", LC_ENABLE }, { "disable", LC_DISABLE },
	{ "autosuspend", LC_AUTOSUSPEND },
	{ "no-autosuspend", LC_NO_AUTOSUSPEND },
	{ "devm-enable", LC_DEVM_ENABLE }, { NULL, 0 },
};

static const struct keyword ret_words[] = {
	{ "any", RET_ANY }, { "already-active", RET_ALREADY_ACTIVE },
	{ "errptr", RET_ERRPTR }, { "dev", RET_DEV },
	{ "err-of-arg", RET_ERR_OF_ARG }, { "arg1", RET_ARG1 },
	{ "arg0", RET_ARG0 }, { NULL, 0 },
};

static bool lookup_word(const struct keyword *words, const char *text, int *out)
{
	for (; words->text; words++) {
		if (strcmp(words->text, text) == 0) {
			*out = words->value;
			return true;
		}
	}
	return false;
}

static bool parse_dev(struct api_rule *rule, const char *value)
{
	char *end;
	long n;

	if (*value == '*') {
		rule->dev_deref = true;
		value++;
	}
	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < 0 || n > 15)
		return false;
	rule->dev_arg = (int)n;
	return true;
}

static bool parse_count(struct api_rule *rule, const char *value)
{
	if (strcmp(value, "+1") == 0)
		rule->count = 1;
	else if (strcmp(value, "-1") == 0)
		rule->count = -1;
	else if (strcmp(value, "0") == 0)
		rule->count = 0;
	else
		return false;
	return true;
}

static bool valid_name_n(const char *s, size_t n)
{
	for (; n; s++, n--)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return false;
	return true;
}

static bool valid_name(const char *s)
{
	return valid_name_n(s, strlen(s));
}

static bool parse_index(const char *value, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < 0 || n > 15)
		return false;
	*out = (int)n;
	return true;
}

/* enter=KIND / leave=KIND / or-leave=KIND: a lock or other section kind. */
static const char *parse_section(struct api_rule *rule, const char *word,
				 const char *value)
{
	enum atomic_kind k = atomic_kind_of_word(value);

	if (k == AK_NONE || atomic_is_entry(k))
		return "enter=/leave=/or-leave= want spinlock, rwlock, bit-spinlock, irq, bh, preempt or rcu";
	if (word[0] == 'e')
		rule->enter = k;
	else if (word[0] == 'o')
		rule->or_leave = k;
	else
		rule->leave = k;
	return NULL;
}

/* registers=KIND:N: argument N is a function that runs in KIND. */
static const char *parse_registers(struct api_rule *rule, char *value)
{
	char *colon = strchr(value, ':');
	enum atomic_kind k;

	if (!colon)
		return "registers= wants hardirq:N, timer:N or tasklet:N";
	*colon = '\0';
	k = atomic_kind_of_word(value);
	if ((k != AK_HARDIRQ && k != AK_TIMER && k != AK_TASKLET) ||
	    !parse_index(colon + 1, &rule->handler_arg))
		return "registers= wants hardirq:N, timer:N or tasklet:N";
	rule->registers = k;
	return NULL;
}

/* Returns NULL on success or a message describing what is wrong. */
static const char *parse_attr(struct api_rule *rule, char *word)
{
	char *eq = strchr(word, '=');
	int v;

	if (!eq) {
		if (strcmp(word, "sleeps") == 0)
			rule->sleeps = true;
		else if (strcmp(word, "noreturn") == 0)
			rule->noreturn = true;
		else if (strcmp(word, "pure") == 0)
			rule->pure = true;
		else if (strcmp(word, "context-query") == 0)
			rule->ctx_query = true;
		else if (strcmp(word, "irq-safe") == 0)
			rule->irq_safe = true;
		else if (strcmp(word, "sets-active") == 0)
			rule->sets_active = true;
		else if (strcmp(word, "frees-dev") == 0)
			rule->frees_dev = FREE_ALWAYS;
		else if (strcmp(word, "inits-dev") == 0)
			rule->inits_dev = true;
		else
			return "unknown attribute";
		return NULL;
	}
	*eq++ = '\0';
	if (strcmp(word, "dev") == 0)
		return parse_dev(rule, eq) ? NULL : "dev= wants an argument index";
	if (strcmp(word, "implies") == 0) {
		char *colon = strchr(eq, ':');

		if (!colon || colon == eq || !valid_name_n(eq, colon - eq) ||
		    (strcmp(colon + 1, "0") && strcmp(colon + 1, "1")))
			return "implies= wants QUERY:0 or QUERY:1";
		free(rule->implies);
		rule->implies = xstrndup(eq, colon - eq);
		rule->implies_value = colon[1] == '1';
		return NULL;
	}
	if (strcmp(word, "frees-dev") == 0) {
		if (strcmp(eq, "if-initialised"))
			return "frees-dev= wants if-initialised";
		rule->frees_dev = FREE_IF_INITIALISED;
		return NULL;
	}
	if (strcmp(word, "callback") == 0)
		return parse_index(eq, &rule->callback) ? NULL :
		       "callback= wants an argument index";
	if (strcmp(word, "lock") == 0)
		return parse_index(eq, &rule->lock_arg) ? NULL :
		       "lock= wants an argument index";
	if (strcmp(word, "gfp") == 0)
		return parse_index(eq, &rule->gfp_arg) ? NULL :
		       "gfp= wants an argument index";
	if (strcmp(word, "enter") == 0 || strcmp(word, "leave") == 0 ||
	    strcmp(word, "or-leave") == 0)
		return parse_section(rule, word, eq);
	if (strcmp(word, "registers") == 0)
		return parse_registers(rule, eq);
	if (strcmp(word, "as") == 0) {
		if (!valid_name(eq))
			return "as= wants a function name";
		free(rule->as);
		rule->as = xstrdup(eq);
		return NULL;
	}
	if (strcmp(word, "count") == 0)
		return parse_count(rule, eq) ? NULL : "count= wants +1, -1 or 0";
	if (strcmp(word, "when") == 0) {
		if (!lookup_word(when_words, eq, &v))
			return "when= wants always, ret==0, ret>0 or arg>0";
		rule->when = v;
		return NULL;
	}
	if (strcmp(word, "rpm-sync") == 0) {
		if (strcmp(eq, "resume") && strcmp(eq, "suspend"))
			return "rpm-sync= wants resume or suspend";
		rule->rpm_sync = eq[0] == 'r' ? SYNC_RESUME : SYNC_SUSPEND;
		return NULL;
	}
	if (strcmp(word, "lifecycle") == 0) {
		if (!lookup_word(lifecycle_words, eq, &v))
			return "lifecycle= wants enable, disable, autosuspend, no-autosuspend or devm-enable";
		rule->lifecycle = v;
		return NULL;
	}
	if (strcmp(word, "ret") == 0) {
		if (!lookup_word(ret_words, eq, &v))
			return "ret= wants any, already-active, errptr, dev, err-of-arg, arg0 or arg1";
		rule->ret = v;
		return NULL;
	}
	return "unknown attribute";
}

static const char *check_rule(const struct api_rule *rule)
{
	if (rule->count && rule->dev_arg < 0)
		return "count= needs dev=";
	if (rule->when == WHEN_ARG_POS && !rule->dev_deref)
		return "when=arg>0 needs dev=*N";
	if ((rule->lifecycle || rule->rpm_sync || rule->sets_active ||
	     rule->frees_dev || rule->inits_dev) && rule->dev_arg < 0)
		return "lifecycle=, rpm-sync=, sets-active, frees-dev and inits-dev need dev=";
	if (rule->enter && rule->leave)
		return "a function cannot both enter= and leave=";
	if (rule->or_leave && !rule->leave)
		return "or-leave= needs leave=";
	if (rule->enter && rule->when != WHEN_ALWAYS && rule->when != WHEN_RET_POS)
		return "enter= only takes when=ret>0 (a trylock)";
	return NULL;
}

static const char *parse_line(struct rules *rules, char *line)
{
	struct api_rule *rule;
	const char *err = NULL;
	char *save = NULL, *word;

	word = strtok_r(line, " \t\r\n", &save);
	if (!word || *word == '#')
		return NULL;
	if (strcmp(word, "struct") == 0)
		return parse_struct_line(rules, &save);
	if (!valid_name(word))
		return "function name expected";
	rule = xcalloc(1, sizeof(*rule));
	rule->name = xstrdup(word);
	rule->dev_arg = -1;
	rule->callback = -1;
	rule->lock_arg = -1;
	rule->gfp_arg = -1;
	rule->handler_arg = -1;
	while (!err && (word = strtok_r(NULL, " \t\r\n", &save))) {
		if (*word == '#')
			break;
		err = parse_attr(rule, word);
	}
	if (!err)
		err = check_rule(rule);
	if (!err && !rules_insert(rules, rule))
		err = "too many rules";
	if (err)
		free_rule(rule);
	return err;
}

bool rules_load_string(struct rules *rules, const char *origin,
		       const char *text)
{
	char *copy = xstrdup(text), *line, *save = NULL;
	bool ok = true;
	int lineno = 0;

	for (line = copy; line && ok; line = save) {
		const char *err;

		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		lineno++;
		err = parse_line(rules, line);
		if (err) {
			fprintf(stderr, "%s:%d: error: %s\n", origin, lineno, err);
			ok = false;
		}
	}
	free(copy);
	return ok;
}

bool rules_load_file(struct rules *rules, const char *path)
{
	FILE *f = fopen(path, "r");
	struct stat st;
	char *buf;
	long len;
	bool ok;

	if (f && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		fprintf(stderr, "%s: error: cannot read rules file: is a directory\n",
			path);
		return false;
	}
	if (!f) {
		fprintf(stderr, "%s: error: cannot read rules file: %s\n", path,
			strerror(errno));
		return false;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (len < 0) {
		fclose(f);
		fprintf(stderr, "%s: error: cannot read rules file\n", path);
		return false;
	}
	buf = xmalloc(len + 1);
	len = (long)fread(buf, 1, len, f);
	buf[len] = '\0';
	fclose(f);
	ok = rules_load_string(rules, path, buf);
	free(buf);
	return ok;
}
