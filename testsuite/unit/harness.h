/*
 * harness.h - the few lines every unit test program shares: EXPECT()
 * records the first failed expectation of the running test, REQUIRE()
 * also ends that test, run_tests() runs a table and prints
 * "ok NAME" / "FAIL NAME: line N: why" and a count.
 *
 * Included by exactly one .c per test program (its definitions are
 * static).  Deliberately ignores fixtures and test selection.
 */
#ifndef RPMCHECK_UNIT_HARNESS_H
#define RPMCHECK_UNIT_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
};

static bool test_failed;
static char fail_reason[1024];

static void expect(bool ok, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record the first failed expectation of the running test. */
static void expect(bool ok, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (ok || test_failed)
		return;
	test_failed = true;
	n = snprintf(fail_reason, sizeof(fail_reason), "line %d: ", line);
	va_start(ap, fmt);
	vsnprintf(fail_reason + n, sizeof(fail_reason) - n, fmt, ap);
	va_end(ap);
}

#define EXPECT(cond, ...) expect((cond), __LINE__, __VA_ARGS__)

/* An expectation the rest of the test depends on. */
#define REQUIRE(cond, ...)						\
	do {								\
		bool ok_ = (cond);					\
		expect(ok_, __LINE__, __VA_ARGS__);			\
		if (!ok_)						\
			return;						\
	} while (0)

/* Run the N TESTS, calling AFTER (if any) after each; returns failures. */
static int run_tests(const struct unit_test *tests, int n, void (*after)(void))
{
	int i, passed = 0, failed = 0;

	for (i = 0; i < n; i++) {
		test_failed = false;
		tests[i].fn();
		if (after)
			after();
		if (test_failed) {
			printf("FAIL %s: %s\n", tests[i].name, fail_reason);
			failed++;
		} else {
			printf("ok %s\n", tests[i].name);
			passed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed;
}

#define RUN_TESTS(tests, after) \
	run_tests((tests), (int)(sizeof(tests) / sizeof((tests)[0])), (after))

#endif
