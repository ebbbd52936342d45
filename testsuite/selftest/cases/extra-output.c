// selftest-expect: fail
//> extra-output.c:5:2: warning: 'other' returns an error [-Wrpm-leak]
int other(void)
{
	return -5;
}
/*
 * check-name: output where none is expected fails
 *
 * check-output-start
 * check-output-end
 */
