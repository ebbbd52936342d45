// selftest-expect: fail
//> wrong-column.c:6:3: warning: 'warn_leak' returns an error [-Wrpm-leak]
struct device;

int warn_leak(struct device *dev)
{
	return -5;
}
/*
 * check-name: a different column fails
 *
 * check-output-start
wrong-column.c:6:2: warning: 'warn_leak' returns an error [-Wrpm-leak]
 * check-output-end
 */
