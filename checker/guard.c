/*
 * guard.c - the crash and time guard of the process that checks one
 * file (run_guard_file() in runner.h).
 *
 * A fatal signal (a bug in rpmcheck or libclang) or the time budget's
 * alarm prints one line naming the file and ends the process with a
 * status the runner understands.  Only async-signal-safe calls are made
 * in the handlers.  Deliberately ignores cleanup: the process ends.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runner.h"

static char guarded_file[1024];
static long guarded_seconds;

static void say(const char *s)
{
	ssize_t r = write(2, s, strlen(s));

	(void)r;
}

static void say_number(long n)
{
	char buf[24];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = '0' + n % 10;
		n /= 10;
	} while (n && i > 0);
	say(buf + i);
}

static void on_crash(int sig)
{
	say(guarded_file);
	say(": error: rpmcheck crashed (signal ");
	say_number(sig);
	say(") on this file; please report it\n");
	_exit(JOB_CRASHED);
}

static void on_alarm(int sig)
{
	(void)sig;
	say(guarded_file);
	say(": error: gave up after ");
	say_number(guarded_seconds);
	say(" s (--time-budget)\n");
	_exit(JOB_FAILED);
}

void run_guard_file(const char *file, long seconds)
{
	static const int fatal_signals[] = {
		SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, 0,
	};
	static char altstack[65536];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa;
	int i;

	snprintf(guarded_file, sizeof(guarded_file), "%s", file);
	guarded_seconds = seconds;
	sigaltstack(&ss, NULL);	/* a stack overflow still gets its line */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
	for (i = 0; fatal_signals[i]; i++)
		sigaction(fatal_signals[i], &sa, NULL);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds > 0 ? (unsigned)seconds : 0);
}
