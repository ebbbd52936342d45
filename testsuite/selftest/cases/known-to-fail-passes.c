// selftest-expect: fail
int other(void)
{
	return 0;
}
/*
 * check-name: a known failure that passes fails
 * check-known-to-fail: should have been removed
 *
 * check-output-start
 * check-output-end
 */
