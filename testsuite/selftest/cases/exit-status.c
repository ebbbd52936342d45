// selftest-expect: fail
//exit 2
int other(void)
{
	return 0;
}
/*
 * check-name: an unexpected exit status fails
 *
 * check-output-start
 * check-output-end
 */
