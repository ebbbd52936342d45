/*
 * runner.c - check many files in child processes (see runner.h).
 *
 * Each file gets a fresh child (fork() after the rules are loaded, so
 * they are shared): a crash, a hang or a leak in one file cannot touch
 * the others.  The child's stdout and stderr go to one pipe; the parent
 * keeps each file's output until every earlier file is printed, so the
 * output does not depend on -j.  Findings are counted from the
 * "[-WRULE]" ends of the warning lines.
 *
 * Deliberately ignores the output size: one file's output is held in
 * memory until its turn.
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "runner.h"
#include "util.h"

struct output {
	char *text;
	size_t len, cap;
	int status;		/* enum job_status, -1 while running */
	bool timed_out;
	int signal;		/* the child died of it (not a guard) */
};

struct slot {
	pid_t pid;
	int fd;
	int job;
	double start;
};

struct run {
	const struct run_opts *ro;
	const struct job *jobs;
	int njobs, next, printed, done, active;
	struct output *out;
	struct slot *slots;
	double start;
	int findings_so_far;
	bool progress_shown;
	struct run_totals *tot;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void append(struct output *o, const char *buf, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->text = xrealloc(o->text, o->cap);
	}
	memcpy(o->text + o->len, buf, n);
	o->len += n;
	o->text[o->len] = '\0';
}

static void start_job(struct run *r, struct slot *s, check_fn check,
		      void *data)
{
	const struct job *job = &r->jobs[r->next];
	int fds[2];

	fflush(stdout);
	fflush(stderr);
	if (pipe(fds) < 0)
		fatal("cannot create a pipe: %s", strerror(errno));
	s->pid = fork();
	if (s->pid < 0)
		fatal("cannot fork: %s", strerror(errno));
	if (s->pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[1]);
		if (job->cwd && chdir(job->cwd) < 0) {
			fprintf(stderr, "%s: error: cannot enter %s: %s\n",
				job->display, job->cwd, strerror(errno));
			_exit(JOB_FAILED);
		}
		run_guard_file(job->display, 0);
		_exit(check(job, data));
	}
	close(fds[1]);
	s->fd = fds[0];
	s->job = r->next++;
	s->start = now();
	r->out[s->job].status = -1;
	r->active++;
}

static int count_findings(const struct output *o, struct run_totals *tot)
{
	const char *line = o->text, *end, *rule;
	int i, n = 0;

	for (; line && *line; line = *end ? end + 1 : end) {
		end = line + strcspn(line, "\n");
		if (!memmem(line, end - line, ": warning: ", 11))
			continue;
		rule = memmem(line, end - line, "[-W", 3);
		for (i = 0; rule && diag_rule_names[i] && i < RUN_MAX_RULES; i++) {
			size_t k = strlen(diag_rule_names[i]);

			if (rule + 3 + k + 1 == end &&
			    !strncmp(rule + 3, diag_rule_names[i], k)) {
				tot->findings[i]++;
				n++;
			}
		}
	}
	return n;
}

static void clear_progress(struct run *r)
{
	if (r->progress_shown)
		fputs("\r\033[K", stderr);
	r->progress_shown = false;
}

static void format_minutes(char *buf, size_t n, double secs)
{
	long s = (long)(secs + 0.5);

	snprintf(buf, n, "%ld:%02ld", s / 60, s % 60);
}

static void show_progress(struct run *r)
{
	double elapsed = now() - r->start;
	char el[32], eta[32] = "?";

	if (!r->ro->progress)
		return;
	format_minutes(el, sizeof(el), elapsed);
	if (r->done)
		format_minutes(eta, sizeof(eta),
			       elapsed / r->done * (r->njobs - r->done));
	fprintf(stderr, "\r\033[K%s%s[%d/%d] %d findings, %s elapsed, ETA %s",
		r->ro->pass ? r->ro->pass : "", r->ro->pass ? " " : "",
		r->done, r->njobs, r->findings_so_far, el, eta);
	fflush(stderr);
	r->progress_shown = true;
}

static void account(struct run *r, struct output *o, const struct job *job)
{
	struct run_totals *tot = r->tot;

	tot->files++;
	if (o->timed_out) {
		tot->timed_out++;
		fprintf(stderr, "%s: error: gave up after %ld s (--time-budget); the run goes on\n",
			job->display, r->ro->time_budget);
	} else if (o->signal) {
		tot->crashed++;
		fprintf(stderr, "%s: error: rpmcheck died of signal %d on this file; the run goes on\n",
			job->display, o->signal);
	} else if (o->status == JOB_CHECKED) {
		tot->checked++;
	} else if (o->status == JOB_SKIPPED) {
		tot->skipped++;
	} else if (o->status == JOB_CRASHED) {
		tot->crashed++;
	} else {
		tot->failed++;
	}
}

/* Print every finished output whose predecessors are printed. */
static void print_ready(struct run *r)
{
	while (r->printed < r->next && r->out[r->printed].status >= 0) {
		struct output *o = &r->out[r->printed];

		clear_progress(r);
		if (o->len)
			fwrite(o->text, 1, o->len, stderr);
		account(r, o, &r->jobs[r->printed]);
		free(o->text);
		o->text = NULL;
		r->printed++;
	}
}

static void finish_slot(struct run *r, struct slot *s)
{
	struct output *o = &r->out[s->job];
	int status = 0;

	close(s->fd);
	while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status)) {
		o->status = WEXITSTATUS(status);
	} else {
		o->status = JOB_CRASHED;
		if (!o->timed_out)
			o->signal = WIFSIGNALED(status) ? WTERMSIG(status) : -1;
	}
	r->findings_so_far += o->text ? count_findings(o, r->tot) : 0;
	s->pid = 0;
	r->active--;
	r->done++;
}

static void read_slot(struct run *r, struct slot *s)
{
	char buf[8192];
	ssize_t n = read(s->fd, buf, sizeof(buf));

	if (n > 0)
		append(&r->out[s->job], buf, n);
	else if (n == 0 || errno != EINTR)
		finish_slot(r, s);
}

static void kill_overdue(struct run *r)
{
	double t = now();
	int i;

	for (i = 0; i < r->ro->jobs; i++) {
		struct slot *s = &r->slots[i];

		if (s->pid && r->ro->time_budget &&
		    t - s->start > r->ro->time_budget &&
		    !r->out[s->job].timed_out) {
			r->out[s->job].timed_out = true;
			kill(s->pid, SIGKILL);
		}
	}
}

static void wait_some(struct run *r)
{
	struct pollfd pfd[256];
	int map[256], n = 0, i;

	for (i = 0; i < r->ro->jobs; i++) {
		if (!r->slots[i].pid)
			continue;
		pfd[n].fd = r->slots[i].fd;
		pfd[n].events = POLLIN;
		map[n++] = i;
	}
	if (poll(pfd, n, 1000) > 0)
		for (i = 0; i < n; i++)
			if (pfd[i].revents)
				read_slot(r, &r->slots[map[i]]);
	kill_overdue(r);
}

void run_jobs(const struct run_opts *ro, const struct job *jobs, int njobs,
	      check_fn check, void *data, struct run_totals *tot)
{
	struct run r = { .ro = ro, .jobs = jobs, .njobs = njobs };
	int i;

	r.out = xcalloc(njobs + 1, sizeof(*r.out));
	r.slots = xcalloc(ro->jobs, sizeof(*r.slots));
	r.start = now();
	r.tot = tot;
	while (r.printed < njobs) {
		for (i = 0; i < ro->jobs && r.next < njobs; i++)
			if (!r.slots[i].pid)
				start_job(&r, &r.slots[i], check, data);
		wait_some(&r);
		print_ready(&r);
		show_progress(&r);
	}
	clear_progress(&r);
	tot->seconds += now() - r.start;
	free(r.out);
	free(r.slots);
}

void run_print_summary(FILE *out, const struct run_totals *tot)
{
	int i;

	fprintf(out, "rpmcheck: %d files: %d checked, %d skipped (nothing to check), %d did not parse, %d crashed, %d timed out; %.1f s\n",
		tot->files, tot->checked, tot->skipped, tot->failed,
		tot->crashed, tot->timed_out, tot->seconds);
	fprintf(out, "rpmcheck: findings:");
	for (i = 0; diag_rule_names[i] && i < RUN_MAX_RULES; i++)
		fprintf(out, "%s %s %d", i ? "," : "", diag_rule_names[i],
			tot->findings[i]);
	fputc('\n', out);
}
