// selftest-expect: fail
int other(void)
{
	return 0;
}
/*
 * check-name: a case without an output block fails
 */
