// selftest-expect: fail
int other(void)
{
	return -5;
}
/*
 * check-name: missing output fails
 *
 * check-output-start
missing-output.c:4:2: warning: 'other' returns an error [-Wrpm-leak]
 * check-output-end
 */
