// selftest-expect: fail
int other(void)
{
	return 0;
}
/*
 * check-output-start
 * check-output-end
 */
