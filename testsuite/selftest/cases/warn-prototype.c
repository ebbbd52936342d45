// selftest-expect: pass
struct device;
int warn_declared_only(struct device *dev);
int warn_declared_twice(struct device *dev,
			int flags);
/*
 * check-name: a warn_ prototype alone needs no warning
 *
 * check-output-start
 * check-output-end
 */
