// selftest-expect: pass
int other(void)
{
	return -5;
}
/*
 * check-name: a known failure passes
 * check-known-to-fail: the checker does not see this yet
 *
 * check-output-start
known-to-fail.c:4:2: warning: 'other' returns an error [-Wrpm-leak]
 * check-output-end
 */
