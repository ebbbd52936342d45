// selftest-expect: pass
//expect-arg -Wno-rpm-leak
//expect-arg command.c
int other(void)
{
	return 0;
}
/*
 * check-name: check-command options reach the checker
 * check-command: rpmcheck -Wno-rpm-leak $file
 *
 * check-output-start
 * check-output-end
 */
