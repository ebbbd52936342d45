// selftest-expect: fail
//2> stderr-counts.c:1:1: error: something on stderr
int other(void)
{
	return 0;
}
/*
 * check-name: stderr is part of the output
 *
 * check-output-start
 * check-output-end
 */
