// selftest-expect: fail
//> sleep-subject-callee.c:9:2: warning: 'warn_helper' may sleep but 'other' holds spinlock '&l' (taken at line 8) [-Wsleep-in-atomic]
void warn_helper(void)
{
}

void other(void)
{
	/* naming warn_helper as the sleeping callee is not a warning about it */
	warn_helper();
}
/*
 * check-name: the sleeping callee of a sleep-in-atomic warning is not its subject
 *
 * check-output-start
sleep-subject-callee.c:9:2: warning: 'warn_helper' may sleep but 'other' holds spinlock '&l' (taken at line 8) [-Wsleep-in-atomic]
 * check-output-end
 */
