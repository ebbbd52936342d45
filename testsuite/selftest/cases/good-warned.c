// selftest-expect: fail
//> good-warned.c:7:2: warning: 'good_quiet' returns an error [-Wrpm-leak]
struct device;

int good_quiet(struct device *dev)
{
	return -5;
}
/*
 * check-name: a warning about a good_ function fails even when expected
 *
 * check-output-start
good-warned.c:7:2: warning: 'good_quiet' returns an error [-Wrpm-leak]
 * check-output-end
 */
