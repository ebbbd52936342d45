// selftest-expect: fail
//> warn-silent.c:12:2: warning: 'warn_first' returns an error [-Wrpm-leak]
struct device;
static int warn_second(struct device *dev);

static int
warn_first(struct device *dev)
{
	return -5;
}

static int warn_second(struct device *dev)
{
	return -5;
}
/*
 * check-name: a warn_ function without a warning fails even when expected
 *
 * check-output-start
warn-silent.c:12:2: warning: 'warn_first' returns an error [-Wrpm-leak]
 * check-output-end
 */
