// selftest-expect: pass
//> pass.c:9:2: warning: 'warn_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]
struct device;
int pm_runtime_get_sync(struct device *dev);

int warn_leak(struct device *dev)
{
	if (pm_runtime_get_sync(dev) < 0)
	return -5;
	return 0;
}

int good_nothing(void)
{
	return 0;
}
/*
 * check-name: matching output passes
 *
 * check-output-start
pass.c:9:2: warning: 'warn_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]
 * check-output-end
 */
