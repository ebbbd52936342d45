/*
 * sparse.c - run sparse alongside rpmcheck (see sparse.h).
 *
 * sparse is found through $SPARSE, then PATH.  Deliberately ignores
 * sparse's own options: it gets every argument that was not rpmcheck's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sparse.h"
#include "util.h"

int sparse_run(int nargs, const char *const *args)
{
	const char *prog = getenv("SPARSE");
	const char **argv = xcalloc(nargs + 2, sizeof(char *));
	int status, pipefd[2], err = 0;
	pid_t pid;

	if (!prog || !*prog)
		prog = "sparse";
	argv[0] = prog;
	memcpy(argv + 1, args, nargs * sizeof(char *));
	fflush(stdout);
	fflush(stderr);
	/* the child reports a failed exec through a close-on-exec pipe */
	if (pipe(pipefd) < 0 || fcntl(pipefd[1], F_SETFD, FD_CLOEXEC) < 0 ||
	    (pid = fork()) < 0) {
		fprintf(stderr, "rpmcheck: error: --sparse: %s\n", strerror(errno));
		free(argv);
		return -1;
	}
	if (pid == 0) {
		close(pipefd[0]);
		execvp(prog, (char *const *)argv);
		err = errno;
		if (write(pipefd[1], &err, sizeof(err)) < 0)
			err = 0;
		_exit(127);
	}
	close(pipefd[1]);
	if (read(pipefd[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(pipefd[0]);
	free(argv);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (err) {
		fprintf(stderr, "rpmcheck: error: --sparse: cannot run %s: %s\n",
			prog, strerror(err));
		return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
