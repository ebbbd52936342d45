// selftest-expect: pass
//exit 2
//> exit-value.c: error: cannot parse
int other(void)
{
	return 0;
}
/*
 * check-name: check-exit-value is honoured
 * check-exit-value: 2
 *
 * check-output-start
exit-value.c: error: cannot parse
 * check-output-end
 */
