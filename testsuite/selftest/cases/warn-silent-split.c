// selftest-expect: fail
struct device;

static int
warn_split(struct device *dev,
	   int flags)
{
	return -5;
}
/*
 * check-name: a warn_ definition split over lines is found
 *
 * check-output-start
 * check-output-end
 */
